import { expect } from '@open-wc/testing';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { SimplePool } from 'nostr-tools/pool';
import { nip07Signer, waitForNip07, type Nip07Provider } from '../../components/core/signers/nip07.js';
import { KIT_PERMISSIONS, bunkerSigner, nostrConnect } from '../../components/core/signers/bunker.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';
import { signChecked, toSignerError, withDeadline } from '../../components/core/signers/signer.js';
import { SignerError, RecordError, signerSaid } from '../../components/core/errors.js';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { rejects, relayLiveRequests, relayUrl, sampleBundle } from '../helpers.js';
import { runRemoteSigner } from '../remote-signer.js';
import { waitUntil } from '../wait.js';

/** An in-page NIP-07 provider over a secret key, with switches for the failures extensions show. */
function fakeExtension(sk: Uint8Array, behaviour: { refuse?: boolean; hang?: boolean; noNip44?: boolean; wrongSigner?: boolean } = {}): Nip07Provider {
  const key = secretKeySigner(sk);
  const gate = async <T>(run: () => Promise<T>): Promise<T> => {
    if (behaviour.hang) return new Promise<T>(() => undefined);
    if (behaviour.refuse) throw new Error('denied');
    return run();
  };
  return {
    getPublicKey: () => gate(() => key.getPublicKey()),
    signEvent: (t) => gate(() => (behaviour.wrongSigner ? secretKeySigner(generateSecretKey()).signEvent(t) : key.signEvent(t))),
    ...(behaviour.noNip44 ? {} : {
      nip44: { encrypt: (p: string, s: string) => gate(() => key.nip44Encrypt(p, s)), decrypt: (p: string, c: string) => gate(() => key.nip44Decrypt(p, c)) },
    }),
  };
}

describe('signers', () => {
  it('NIP-07: absent extension is a typed "absent" error after looking again for a while', async () => {
    let looks = 0;
    const signer = nip07Signer({ provider: () => { looks++; return undefined; }, waitMs: 200 });
    await rejects(signer.getPublicKey(), SignerError, 'absent');
    expect(looks).to.be.greaterThan(1);
    expect(await waitForNip07(100, () => undefined)).to.equal(false);
  });

  it('NIP-07: an extension that injects late is found', async () => {
    // It appears only on the third look: found by waiting for it, however long each look takes.
    let looks = 0;
    const sk = generateSecretKey();
    const late = fakeExtension(sk);
    const signer = nip07Signer({ provider: () => (++looks >= 3 ? late : undefined), waitMs: 600_000 });
    expect(await signer.getPublicKey()).to.equal(getPublicKey(sk));
    expect(looks).to.be.at.least(3);
  });

  it('NIP-07: refusal, silence and missing NIP-44 are typed errors', async () => {
    const sk = generateSecretKey();
    await rejects(nip07Signer({ provider: () => fakeExtension(sk, { refuse: true }) }).getPublicKey(), SignerError, 'refused');
    await rejects(nip07Signer({ provider: () => fakeExtension(sk, { hang: true }), timeoutMs: 200 }).nip44Decrypt(getPublicKey(sk), 'x'), SignerError, 'timeout');
    await rejects(nip07Signer({ provider: () => fakeExtension(sk, { noNip44: true }) }).nip44Decrypt(getPublicKey(sk), 'x'), SignerError, 'unsupported');
  });

  it('an extension with no key is no-key, its short answer kept as it gave it (cleaned), not a refusal', () => {
    const noKey = toSignerError(new Error('no private key found'), 'sign');
    expect([noKey.code, signerSaid(noKey.message)]).to.deep.equal(['no-key', 'no private key found']);
    const locked = toSignerError('Signer is locked\u202e\n(open it first)', 'decrypt');
    expect([locked.code, signerSaid(locked.message)]).to.deep.equal(['no-key', 'Signer is locked (open it first)']);
    // From a browser extension, which the user unlocks themselves: its own code, also when it rejects with a plain object.
    expect(toSignerError('Signer is locked', 'decrypt', true).code).to.equal('locked');
    expect(toSignerError({ message: 'Please unlock the extension first' }, 'sign', true).code).to.equal('locked');
    expect(toSignerError(new Error('no private key found'), 'sign', true).code).to.equal('no-key');
    // A long answer may quote what was asked: classified, never copied.
    const long = toSignerError(new Error(`no key for ${'{"content":"Penicillin"}'.repeat(20)}`), 'sign');
    expect([long.code, signerSaid(long.message), long.message.includes('Penicillin')]).to.deep.equal(['no-key', '', false]);
    expect(toSignerError(new Error('denied'), 'sign').code).to.equal('refused');
    expect(toSignerError(new Error('invalid MAC'), 'decrypt').code).to.equal('failed');
  });

  it('an extension whose refusal says it is locked is locked, not a refusal; a user who said no still refused', () => {
    for (const answer of ['Permission denied: vault locked', 'Request denied: extension locked', { message: 'Not allowed: unlock the extension first' }]) {
      expect(toSignerError(answer, 'sign', true).code, String(JSON.stringify(answer))).to.equal('locked');
    }
    for (const answer of ['User rejected the request', 'Permission denied', 'Request blocked by user', 'User cancelled']) {
      expect(toSignerError(answer, 'sign', true).code, answer).to.equal('refused');
    }
    // Only an extension is unlocked by the user: a remote signer saying so is still a refusal.
    expect(toSignerError('Permission denied: vault locked', 'sign').code).to.equal('refused');
  });

  it('NIP-07: a record opens through the extension, and a refusal there is a RecordError of code signer', async () => {
    const sk = generateSecretKey();
    const author = secretKeySigner(generateSecretKey());
    const events = await createRecord({ bundle: sampleBundle(), author, participants: [{ pubkey: getPublicKey(sk), role: 'viewer' }] });
    const opened = await openRecord(events, nip07Signer({ provider: () => fakeExtension(sk) }));
    expect(opened.role).to.equal('viewer');
    const error = await rejects(openRecord(events, nip07Signer({ provider: () => fakeExtension(sk, { refuse: true }) })), RecordError, 'signer');
    expect((error.cause as SignerError).code).to.equal('refused');
  });

  it('a signer answering with someone else\'s signature is caught: another account in use, not bad data', async () => {
    const signer = nip07Signer({ provider: () => fakeExtension(generateSecretKey(), { wrongSigner: true }) });
    await rejects(signChecked(signer, { kind: 1, created_at: 1, tags: [], content: 'x' }), SignerError, 'account-changed');
    // Another key's event that is not what was asked, or does not verify, is still bad data.
    const other = secretKeySigner(generateSecretKey());
    const sk = generateSecretKey();
    const forged = (change: (e: Awaited<ReturnType<typeof other.signEvent>>) => object): Nip07Provider => ({
      ...fakeExtension(sk),
      signEvent: async (t) => change(await other.signEvent(t)) as Awaited<ReturnType<typeof other.signEvent>>,
    });
    await rejects(signChecked(nip07Signer({ provider: () => forged((e) => ({ ...e, content: 'y' })) }), { kind: 1, created_at: 1, tags: [], content: 'x' }), SignerError, 'bad-response');
    await rejects(signChecked(nip07Signer({ provider: () => forged((e) => ({ ...e, sig: e.sig.replace(/^./, (c) => (c === '0' ? '1' : '0')) })) }), { kind: 1, created_at: 1, tags: [], content: 'x' }), SignerError, 'bad-response');
  });

  it('NIP-46: the user switches accounts in the signer app: a signature by the other key is account-changed, and the key is asked again', async () => {
    const relay = await relayUrl('main');
    const first = generateSecretKey();
    const next = generateSecretKey();
    const app = runRemoteSigner(relay, generateSecretKey(), first);
    try {
      await app.ready;
      const signer = await bunkerSigner(`bunker://${app.pubkey}?relay=${encodeURIComponent(relay)}`, { timeoutMs: 8000 });
      expect(await signer.getPublicKey()).to.equal(getPublicKey(first));
      app.useKey(next);
      await rejects(signChecked(signer, { kind: 82, created_at: 1, tags: [], content: '{}' }), SignerError, 'account-changed');
      // Not answered from memory: the app is asked, and says who is in now.
      const asked = app.asked.filter((m) => m === 'get_public_key').length;
      expect(await signer.getPublicKey()).to.equal(getPublicKey(next));
      expect(app.asked.filter((m) => m === 'get_public_key').length).to.equal(asked + 1);
      await signer.close();
    } finally {
      app.close();
    }
  });

  it('NIP-46: connects to a remote signer over the real relay with bunker:// and works end to end', async () => {
    const relay = await relayUrl('main');
    const user = generateSecretKey();
    const stop = runRemoteSigner(relay, generateSecretKey(), user);
    try {
      await stop.ready;
      const signer = await bunkerSigner(`bunker://${stop.pubkey}?relay=${encodeURIComponent(relay)}`, { timeoutMs: 8000 });
      expect(await signer.getPublicKey()).to.equal(getPublicKey(user));
      const author = secretKeySigner(generateSecretKey());
      const events = await createRecord({ bundle: sampleBundle(), author, participants: [{ pubkey: getPublicKey(user), role: 'viewer' }] });
      const opened = await openRecord(events, signer);
      expect(opened.role).to.equal('viewer');
      const signed = await signChecked(signer, { kind: 82, created_at: 1, tags: [], content: '{}' });
      expect(signed.pubkey).to.equal(getPublicKey(user));
      await signer.close();
    } finally {
      stop.close();
    }
  });

  it('NIP-46: a bunker that never answers is a typed connection error; a bad URI too', async () => {
    const relay = await relayUrl('main');
    await rejects(bunkerSigner(`bunker://${getPublicKey(generateSecretKey())}?relay=${encodeURIComponent(relay)}`, { timeoutMs: 500 }), SignerError, 'connection');
    await rejects(bunkerSigner('bunker://nothing'), SignerError, 'connection');
  });

  describe('NIP-46: a remote signer that sends the user to a page of its own (auth_url)', () => {
    // Small deadlines so it runs fast: each call's own, and the longer one after the page is asked
    // for. Nothing here times a wait: each deadline is seen coming through `onDue`.
    const TIMEOUT_MS = 400;
    const AUTH_WAIT_MS = 1500;
    const authUrl = 'https://signer.example/approve';
    const address = (pubkey: string, relay: string) => `bunker://${pubkey}?relay=${encodeURIComponent(relay)}`;
    /** Whether `work` is still pending; watched, so its rejection is not left unhandled. */
    const watch = (work: Promise<unknown>) => {
      let settled = false;
      work.then(() => { settled = true; }, () => { settled = true; });
      return () => !settled;
    };
    /** The deadlines that came, in order, as [call, gives up]; `onDue` notes them. */
    const deadlines = () => {
      const came: [string, boolean][] = [];
      return { came, onDue: (what: string, givingUp: boolean) => { came.push([what, givingUp]); } };
    };

    it('waits past the call\'s own deadline for the user: the sign-in and a later signing call both succeed', async () => {
      const relay = await relayUrl('main');
      const user = generateSecretKey();
      const remote = runRemoteSigner(relay, generateSecretKey(), user, { hold: ['connect', 'sign_event'], authUrl });
      const told: [string | undefined, number | undefined][] = [];
      const { came, onDue } = deadlines();
      try {
        await remote.ready;
        // The longer wait is generous: the user "approves" as soon as the first deadline has passed.
        const connecting = bunkerSigner(address(remote.pubkey, relay), { timeoutMs: TIMEOUT_MS, authWaitMs: 20_000, onDue, onAuthUrl: (url, waitMs) => { told.push([url, waitMs]); } });
        const connectPending = watch(connecting);
        await waitUntil(() => told.length === 1, 'the page was not reported');
        expect(told[0]![0]).to.equal(authUrl);
        // The caller hears how long the call now waits: more than its own deadline, at most the longer one.
        expect(told[0]![1]).to.be.above(TIMEOUT_MS).and.at.most(20_000);
        // The user is still on the page when the connect's own deadline comes: it waits on.
        await waitUntil(() => came.length === 1, 'the first deadline did not come');
        expect(came[0], 'the connect gave up at its own deadline').to.deep.equal(['connect', false]);
        expect(connectPending()).to.equal(true);
        await remote.release();
        const signer = await connecting;
        expect(told.at(-1)).to.deep.equal([undefined, undefined]);
        expect(await signer.getPublicKey()).to.equal(getPublicKey(user));

        const signing = signer.signEvent({ kind: 1, created_at: 1, tags: [], content: 'x' });
        const signPending = watch(signing);
        await waitUntil(() => told.length === 3, 'the page asked for by the signing call was not reported');
        await waitUntil(() => came.length === 2, 'the first deadline did not come');
        expect(came[1], 'the signing call gave up at its own deadline').to.deep.equal(['sign', false]);
        expect(signPending()).to.equal(true);
        await remote.release();
        expect((await signing).pubkey).to.equal(getPublicKey(user));
        await signer.close();
        expect(came, 'a deadline came after the answers').to.have.length(2);
      } finally {
        remote.close();
      }
    });

    it('gives up at the longer limit when the signer never answers after sending the page, or at once when aborted', async () => {
      const relay = await relayUrl('main');
      const silent = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['connect', 'sign_event'], authUrl });
      const signsNever = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['sign_event'], authUrl });
      try {
        await Promise.all([silent.ready, signsNever.ready]);
        const told: (string | undefined)[] = [];
        const connect = deadlines();
        const error = await rejects(bunkerSigner(address(silent.pubkey, relay), { timeoutMs: TIMEOUT_MS, authWaitMs: AUTH_WAIT_MS, onDue: connect.onDue, onAuthUrl: (url) => { told.push(url); } }), SignerError, 'connection');
        // Past its own deadline it waited on, and gave up at the longer one.
        expect(connect.came).to.deep.equal([['connect', false], ['connect', true]]);
        expect(error.message).to.equal('The remote signer did not answer.');
        // The page is withdrawn with the call.
        expect(told).to.deep.equal([authUrl, undefined]);

        const sign = deadlines();
        const signer = await bunkerSigner(address(signsNever.pubkey, relay), { timeoutMs: TIMEOUT_MS, authWaitMs: AUTH_WAIT_MS, onDue: sign.onDue, onAuthUrl: () => undefined });
        const timedOut = await rejects(signer.signEvent({ kind: 1, created_at: 1, tags: [], content: 'x' }), SignerError, 'timeout');
        expect(sign.came).to.deep.equal([['sign', false], ['sign', true]]);
        // It names the time it waited in all (the page came before the first 0.4 s), not the first deadline.
        expect(timedOut.message).to.equal('The signer did not answer (sign) within 2 s.');
        await signer.close();

        // Given up while the user is on the page (Cancel, Sign out): it stops there and then, no deadline come.
        const abort = new AbortController();
        const urls: (string | undefined)[] = [];
        const aborted = deadlines();
        const connecting = bunkerSigner(address(silent.pubkey, relay), { timeoutMs: TIMEOUT_MS, authWaitMs: 60_000, signal: abort.signal, onDue: aborted.onDue, onAuthUrl: (url) => { urls.push(url); } });
        await waitUntil(() => urls.length === 1, 'the page was not reported');
        abort.abort();
        await rejects(connecting, SignerError, 'connection');
        expect(aborted.came.filter(([, givingUp]) => givingUp), 'it gave up at a deadline, not at the abort').to.deep.equal([]);
      } finally {
        silent.close();
        signsNever.close();
      }
    });

    it('keeps the call\'s own deadline when the page is declined (not offered to the user)', async () => {
      const relay = await relayUrl('main');
      const remote = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['connect'], authUrl });
      try {
        await remote.ready;
        const told: (number | undefined)[] = [];
        const { came, onDue } = deadlines();
        await rejects(bunkerSigner(address(remote.pubkey, relay), { timeoutMs: TIMEOUT_MS, authWaitMs: AUTH_WAIT_MS, onDue, onAuthUrl: (_, waitMs) => { told.push(waitMs); return false; } }), SignerError, 'connection');
        // Told what the wait would have been, then gave up at its own deadline, not given more time.
        expect(told[0]).to.be.above(TIMEOUT_MS);
        expect(came).to.deep.equal([['connect', true]]);
      } finally {
        remote.close();
      }
    });

    it('moves a call\'s deadline once, and never earlier: asking again gains no more time', async () => {
      const came: boolean[] = [];
      const call = withDeadline(new Promise<never>(() => undefined), 50, 'sign', (_, givingUp) => { came.push(givingUp); });
      expect(call.remainingIfExtended(150), 'what an extension would give').to.be.above(50).and.at.most(150);
      expect(call.remaining(), 'a look ahead moved the deadline').to.be.at.most(50);
      expect(call.extend(150)).to.equal(true);
      expect(call.extend(600_000), 'a second extension').to.equal(false);
      expect(call.remaining()).to.be.above(50).and.at.most(150);
      expect(call.remainingIfExtended(600_000), 'a second extension, looked ahead').to.be.at.most(150);
      await rejects(call.done, SignerError, 'timeout');
      // It waited past its first deadline to the later one, and then gave up.
      expect(came).to.deep.equal([false, true]);
      expect(call.remaining()).to.equal(0);

      // Less time than it already has is no extension.
      let answer!: (value: string) => void;
      const long = withDeadline(new Promise<string>((resolve) => { answer = resolve; }), 60_000, 'sign');
      long.extend(10);
      expect(long.remaining()).to.be.above(10_000);
      answer('done');
      expect(await long.done).to.equal('done');
      // No deadline, nothing to extend.
      expect(withDeadline(Promise.resolve(1), 0, 'sign').extend(1000)).to.equal(false);
    });
  });

  it('NIP-46: a nostrconnect:// code gives the user its own time to scan; each call after keeps the call\'s deadline', async () => {
    const relay = await relayUrl('main');
    const phone = runRemoteSigner(relay, generateSecretKey(), generateSecretKey(), { hold: ['sign_event'] });
    try {
      await phone.ready;
      const came: [string, boolean][] = [];
      // A long time to scan, a short one per call: a call that waited as long as the scan would outlast the test.
      const session = nostrConnect({ relays: [relay], connectTimeoutMs: 600_000, timeoutMs: 400, onDue: (what, givingUp) => { came.push([what, givingUp]); } });
      // The code's answers are only heard once the page listens for them (they are not stored).
      await waitUntil(async () => (await relayLiveRequests('main', new URL(session.uri).hostname)).length > 0, 'the page never listened for the code');
      // The user scans after a call's deadline has come: a deadline as long, started after the
      // code's, ends after any the code would have run out on (timers of one length fire in order).
      await withDeadline(new Promise<never>(() => undefined), 400, 'sign').done.catch(() => undefined);
      await phone.connectTo(session.uri);
      const signer = await session.signer;
      try {
        await rejects(signer.signEvent({ kind: 1, created_at: 1, tags: [], content: 'x' }), SignerError, 'timeout');
        expect(came).to.deep.equal([['sign', true]]);
      } finally {
        await signer.close();
      }
    } finally {
      phone.close();
    }
  });

  it('NIP-46: nostrconnect:// gives a URI to show, and a cancel ends the wait with a typed error', async () => {
    const relay = await relayUrl('main');
    const session = nostrConnect({ relays: [relay], timeoutMs: 5000 });
    expect(session.uri).to.match(/^nostrconnect:\/\/[0-9a-f]{64}\?/);
    expect(session.uri).to.contain('secret=');
    session.cancel();
    await rejects(session.signer, SignerError, 'connection');
  });

  it('NIP-46: a code shown on two relays is given up on both, at a cancel or when its time is out', async () => {
    const relays = [await relayUrl('main'), await relayUrl('second')];
    const listening = async (uri: string) => {
      const author = new URL(uri).hostname;
      return (await relayLiveRequests('main', author)).length + (await relayLiveRequests('second', author)).length;
    };
    const cancelled = nostrConnect({ relays, timeoutMs: 60_000 });
    await waitUntil(async () => (await listening(cancelled.uri)) === 2, 'the page never listened on both relays');
    cancelled.cancel();
    await rejects(cancelled.signer, SignerError, 'connection');
    await waitUntil(async () => (await listening(cancelled.uri)) === 0, 'a relay still carries the code\'s wait after the cancel');
    const unanswered = nostrConnect({ relays, connectTimeoutMs: 300, timeoutMs: 60_000 });
    const error = await rejects(unanswered.signer, SignerError, 'connection');
    expect(error.message).to.equal('No remote signer connected in time.');
    await waitUntil(async () => (await listening(unanswered.uri)) === 0, 'a relay still carries the code\'s wait once its time is out');
  });

  it('NIP-46: a bunker:// connect tells the signer app the page\'s name and what the kit will ask of it', async () => {
    const relay = await relayUrl('main');
    const app = runRemoteSigner(relay, generateSecretKey(), generateSecretKey());
    try {
      await app.ready;
      const signer = await bunkerSigner(`bunker://${app.pubkey}?relay=${encodeURIComponent(relay)}&secret=s3cret`, { timeoutMs: 8000, name: 'Lakeside patient portal' });
      await signer.close();
      expect(app.connects).to.deep.equal([[app.pubkey, 's3cret', KIT_PERMISSIONS.join(','), JSON.stringify({ name: 'Lakeside patient portal' })]]);
    } finally {
      app.close();
    }
  });

  it('NIP-46: a code and a bunker:// address work on a relay that serves only signed-in readers, asking the user nothing more', async () => {
    const relay = await relayUrl('auth');
    const app = runRemoteSigner(relay, generateSecretKey(), generateSecretKey());
    try {
      await app.ready;
      const session = nostrConnect({ relays: [relay], timeoutMs: 8000 });
      await waitUntil(async () => (await relayLiveRequests('auth', new URL(session.uri).hostname)).length > 0, 'the page never listened for the code on the relay');
      await app.connectTo(session.uri);
      const scanned = await session.signer;
      const bunkered = await bunkerSigner(`bunker://${app.pubkey}?relay=${encodeURIComponent(relay)}`, { timeoutMs: 8000 });
      // A page's own pool, handed in, works there too (and stays the page's).
      const pagePool = new SimplePool();
      const pooled = await bunkerSigner(`bunker://${app.pubkey}?relay=${encodeURIComponent(relay)}`, { timeoutMs: 8000, pool: pagePool });
      try {
        const user = await scanned.getPublicKey();
        expect(await bunkered.getPublicKey()).to.equal(user);
        expect(await pooled.getPublicKey()).to.equal(user);
        await pooled.close();
        expect(pagePool.listConnectionStatus().size, 'the page\'s pool is still the page\'s').to.be.greaterThan(0);
        pagePool.destroy();
        const signed = await bunkered.signEvent({ kind: 1, created_at: 1, tags: [], content: 'x' });
        expect(signed.pubkey).to.equal(user);
      } finally {
        await scanned.close();
        await bunkered.close();
      }
    } finally {
      app.close();
    }
  });

  it('NIP-46: a bunker:// address whose relay cannot be reached is a connection error, not the user saying no', async () => {
    const nobody = getPublicKey(generateSecretKey());
    await rejects(bunkerSigner(`bunker://${nobody}?relay=${encodeURIComponent('ws://127.0.0.1:9')}`, { timeoutMs: 8000 }), SignerError, 'connection');
  });

  it('a secret-key signer forgets its key on sign-out', async () => {
    const s = secretKeySigner(generateSecretKey());
    await s.getPublicKey();
    s.forget();
    await rejects(s.getPublicKey(), SignerError, 'absent');
  });
});
