/**
 * The relay client's sends (client.ts), fetched with the first publish: a page that only reads
 * records, the common one, never downloads them. The client keeps every check that must hold
 * from the moment a publish is called (an open client, the action's user) and hands over only
 * what sending needs of it.
 */
import type { NostrEvent } from '../events.js';
import { isAuthRequired } from './limits.js';
import type { RelayPool } from './pool.js';
import { type DeclineScope, type PublishReceipt, type ReceiptStatus, type SignInFailure, USER_CHANGED, within } from './client.js';

/** The parts of RelayClient a send uses, handed over by the client (they are private to it). */
export interface Sender {
  readonly relays: readonly string[];
  readonly publishTimeoutMs: number;
  /** Asked at each send: a sign-out replaces the client's pool. */
  pool(): RelayPool;
  forThisUser(scope: DeclineScope): boolean;
  authenticate(relay: string, timeoutMs: number, scope: DeclineScope): Promise<'signed-in' | SignInFailure>;
}

/** One event to every relay, each relay's answer (or its deadline) as a receipt. */
export function publishEvent(sender: Sender, event: NostrEvent, declined: DeclineScope): Promise<PublishReceipt[]> {
  return Promise.all(sender.relays.map((relay) => publishTo(sender, relay, event, declined)));
}

async function publishTo(sender: Sender, relay: string, event: NostrEvent, declined: DeclineScope): Promise<PublishReceipt> {
  const started = Date.now();
  const receipt = (status: ReceiptStatus, reason?: string, signIn?: SignInFailure): PublishReceipt => ({ relay, eventId: event.id, status, reason, ...(signIn ? { signIn } : {}), ms: Date.now() - started });
  // The last user's action sends nothing more once another is served (see forgetSignIns).
  if (!sender.forThisUser(declined)) return receipt('unreachable', USER_CHANGED);
  const first = await sendOnce(sender, relay, event);
  if (first.status !== 'auth-required') return receipt(first.status, first.reason);
  // Only the relay's answers are held to the deadline: the person at the signer takes their own
  // time. A relay already declined in this action is not asked again (see DeclineScope).
  const outcome = await declined.signIn(relay, () => sender.authenticate(relay, sender.publishTimeoutMs, declined));
  if (outcome !== 'signed-in') return receipt('auth-required', first.reason, outcome);
  if (!sender.forThisUser(declined)) return receipt('unreachable', USER_CHANGED);
  const second = await sendOnce(sender, relay, event);
  return receipt(second.status, second.reason);
}

/** Sends `event` to one relay once and waits for its answer, at most the publish deadline. */
function sendOnce(sender: Sender, relay: string, event: NostrEvent): Promise<{ status: ReceiptStatus; reason?: string }> {
  const attempt = (async (): Promise<{ status: ReceiptStatus; reason?: string }> => {
    try {
      const [p] = sender.pool().publish([relay], event, { maxWait: sender.publishTimeoutMs });
      const reason = await p;
      return { status: 'accepted', reason: reason || undefined };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isAuthRequired(message)) return { status: 'auth-required', reason: message };
      // Never connected (nostr-tools' words for a connection that did not open): nothing was sent.
      if (/^(connection (timed out|failed)|websocket closed)$/.test(message)) return { status: 'unreachable', reason: message };
      // Sent, then no answer: the relay may have stored it and answered late, or the connection
      // dropped under the answer. Either way not a refusal (see ReceiptStatus 'timeout').
      if (/timed out|^relay connection/i.test(message)) return { status: 'timeout', reason: message };
      if (/connect|websocket|closed|ECONNREFUSED|failed/i.test(message) && !/^[a-z-]+:/.test(message)) return { status: 'unreachable', reason: message };
      return { status: 'rejected', reason: message };
    }
  })();
  // The attempt itself never fails: only the deadline does.
  return within(attempt, sender.publishTimeoutMs).catch(() => ({ status: 'timeout', reason: 'The relay did not answer in time.' }));
}
