/**
 * Signing in at a relay (NIP-42 AUTH) through the user's signer, for the relay client (client.ts),
 * fetched the first time a relay asks for it: most relays never do, so a page that reads records
 * from open relays never downloads it. The client keeps whose sign-in it is and who waits for it;
 * this is only the exchange with the relay and the signer.
 */
import type { VerifiedEvent } from 'nostr-tools/core';
import { SignerError } from '../errors.js';
import type { EventTemplate } from '../events.js';
import type { RelayPool } from './pool.js';
import { type DeclineScope, type SignInOutcome, within } from './client.js';

/** One connection to one relay, as the pool keeps it. */
export type Connection = Awaited<ReturnType<RelayPool['ensureRelay']>>;

/** One connection's sign-in, shared by every action that meets it, and whether it waits at the user's signer now. */
export interface SignInAttempt {
  outcome: Promise<SignInOutcome>;
  atSigner: boolean;
  watchers: Set<(asked: boolean) => void>;
  /** The relay's challenge it answers, once it came. */
  challenge?: unknown;
}

/** What a sign-in uses of the relay client (its own fields are private to it). */
export interface SignInHost {
  readonly pool: RelayPool;
  /** The sign-ins under way or done, by connection, for the user served now. */
  readonly attempts: WeakMap<Connection, SignInAttempt>;
  /** The user's signer, asked only while the same user is served. */
  onauth(template: EventTemplate): Promise<VerifiedEvent>;
  /** Whether the relay refused the signed AUTH for its time (the clocks disagree). */
  clockOff(off: boolean): void;
}

/**
 * Signs in at `relay` for `scope`'s action: the connection's sign-in under way, if any, else a new
 * one, so that reads and sends on one connection share one prompt.
 */
export async function signInAt(host: SignInHost, relay: string, timeoutMs: number, scope: DeclineScope): Promise<SignInOutcome> {
  let connection: Connection;
  try {
    connection = await host.pool.ensureRelay(relay, { connectionTimeout: timeoutMs });
  } catch {
    return 'failed';
  }
  let attempt = host.attempts.get(connection);
  // A pool that reconnects (a host's, enableReconnect) keeps the connection object through a
  // drop, and the relay's new socket knows no sign-in: an attempt counts only while the
  // connection's challenge is still the one it answered.
  if (attempt?.challenge !== undefined && attempt.challenge !== Reflect.get(connection, 'challenge')) attempt = undefined;
  if (!attempt) {
    const made: SignInAttempt = { atSigner: false, watchers: new Set(), outcome: Promise.resolve<SignInOutcome>('failed') };
    made.outcome = signIn(connection, host.onauth, timeoutMs, (asked) => {
      made.atSigner = asked;
      for (const watcher of made.watchers) watcher(asked);
    }, (challenge) => (made.challenge = challenge), host.clockOff);
    attempt = made;
    host.attempts.set(connection, made);
  }
  // The action hears when its sign-in waits at the signer, even one another action began.
  const watcher = (asked: boolean) => scope.signerAsked(relay, asked);
  attempt.watchers.add(watcher);
  if (attempt.atSigner) watcher(true);
  try {
    return await attempt.outcome;
  } finally {
    attempt.watchers.delete(watcher);
    scope.signerAsked(relay, false);
  }
}

/** Longest wait for the user to answer a relay's AUTH at their signer (the signers' own deadline). */
const AUTH_PROMPT_MS = 120_000;

/**
 * NIP-42 AUTH on `connection` through `onauth`, once the relay sent its challenge: `signed-in`
 * when the relay accepted it. The user's answer may take {@link AUTH_PROMPT_MS}; the relay's
 * challenge and its answer to the signed AUTH, `timeoutMs` each. A no, or no answer, from the user
 * is `declined`; anything else (the relay's side) `failed`: the user must not be told they
 * refused what they were never asked. Either closes the connection: the pool library keeps an
 * AUTH the signer refused pending for good, so that connection could never sign in again.
 */
async function signIn(connection: Connection, onauth: (t: EventTemplate) => Promise<VerifiedEvent>, timeoutMs: number, atSigner: (asked: boolean) => void, answering: (challenge: unknown) => void, clockOff: (off: boolean) => void): Promise<SignInOutcome> {
  // Where the user is: not asked yet, at their signer, or past it (signed, said no, or their
  // signer failed them: see USER_ANSWERS).
  let user = 'unasked' as 'unasked' | 'asked' | 'signed' | 'refused' | 'unreached';
  try {
    // Some relays send the challenge only after their refusal.
    await within(challengeOf(connection), timeoutMs);
    answering(Reflect.get(connection, 'challenge'));
    let signed!: (ok: boolean) => void;
    const signing = new Promise<boolean>((resolve) => { signed = resolve; });
    const answered = connection.auth(async (template) => {
      user = 'asked';
      atSigner(true);
      try {
        const event = await onauth(template);
        user = 'signed';
        signed(true);
        return event;
      } catch (error) {
        user = error instanceof SignerError && !USER_ANSWERS.has(error.code) ? 'unreached' : 'refused';
        signed(false);
        throw error;
      } finally {
        atSigner(false);
      }
    });
    answered.catch(() => undefined);
    // An AUTH another party (a host's shared pool) started on this connection answers for this one too.
    if (!(await within(Promise.race([signing, answered.then(() => true)]), AUTH_PROMPT_MS))) throw new Error('refused');
    await within(answered, timeoutMs);
    clockOff(false);
    return 'signed-in';
  } catch (error) {
    // The relay refused the signed sign-in for its time: the clocks disagree (NIP-42 asks for about
    // ten minutes). Any other end of this sign-in is no word on the clock: what an earlier one said goes.
    clockOff(user === 'signed' && /created.?at|clock|\btime\b/i.test(String((error as Error)?.message)));
    connection.close();
    // Still at the signer when the wait ended: the user let the prompt go unanswered.
    return user === 'refused' || user === 'asked' ? 'declined' : 'failed';
  } finally {
    // Past the deadline the signer's answer no longer counts: nobody waits for it.
    atSigner(false);
  }
}

/**
 * Signer failures that are the user's answer: a no, or no answer in time. Any other (no signer,
 * one out of reach, one that answered nonsense) is the sign-in failing, not the user refusing.
 */
const USER_ANSWERS = new Set<string>(['refused', 'timeout']);

/** Waiters for a connection's AUTH challenge, by connection (see {@link challengeOf}). */
const challengeWaiters = new WeakMap<Connection, Set<() => void>>();

/**
 * Settles once the relay has sent its AUTH challenge on `connection`. The pool library keeps the
 * challenge in a field and says nothing when it comes, so the field is watched.
 */
function challengeOf(connection: Connection): Promise<void> {
  if (Reflect.get(connection, 'challenge')) return Promise.resolve();
  let waiters = challengeWaiters.get(connection);
  if (!waiters) {
    const heard = new Set<() => void>();
    waiters = heard;
    challengeWaiters.set(connection, heard);
    let challenge: unknown = Reflect.get(connection, 'challenge');
    Object.defineProperty(connection, 'challenge', {
      configurable: true,
      enumerable: true,
      get: () => challenge,
      set: (value: unknown) => {
        challenge = value;
        if (!value) return;
        for (const wake of heard) wake();
        heard.clear();
      },
    });
  }
  const list = waiters;
  return new Promise((resolve) => list.add(resolve));
}
