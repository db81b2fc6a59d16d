import { expect } from '@open-wc/testing';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { nip07Signer, waitForNip07, type Nip07Provider } from '../../components/core/signers/nip07.js';
import { bunkerSigner, nostrConnect } from '../../components/core/signers/bunker.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';
import { signChecked } from '../../components/core/signers/signer.js';
import { SignerError, RecordError } from '../../components/core/errors.js';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { rejects, relayUrl, sampleBundle } from '../helpers.js';
import { runRemoteSigner } from '../remote-signer.js';

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

  it('NIP-07: a record opens through the extension, and a refusal there is a RecordError of code signer', async () => {
    const sk = generateSecretKey();
    const author = secretKeySigner(generateSecretKey());
    const events = await createRecord({ bundle: sampleBundle(), author, participants: [{ pubkey: getPublicKey(sk), role: 'viewer' }] });
    const opened = await openRecord(events, nip07Signer({ provider: () => fakeExtension(sk) }));
    expect(opened.role).to.equal('viewer');
    const error = await rejects(openRecord(events, nip07Signer({ provider: () => fakeExtension(sk, { refuse: true }) })), RecordError, 'signer');
    expect((error.cause as SignerError).code).to.equal('refused');
  });

  it('a signer answering with someone else\'s signature is caught', async () => {
    const signer = nip07Signer({ provider: () => fakeExtension(generateSecretKey(), { wrongSigner: true }) });
    await rejects(signChecked(signer, { kind: 1, created_at: 1, tags: [], content: 'x' }), SignerError, 'bad-response');
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

  it('NIP-46: nostrconnect:// gives a URI to show, and a cancel ends the wait with a typed error', async () => {
    const relay = await relayUrl('main');
    const session = nostrConnect({ relays: [relay], timeoutMs: 5000 });
    expect(session.uri).to.match(/^nostrconnect:\/\/[0-9a-f]{64}\?/);
    expect(session.uri).to.contain('secret=');
    session.cancel();
    await rejects(session.signer, SignerError, 'connection');
  });

  it('a secret-key signer forgets its key on sign-out', async () => {
    const s = secretKeySigner(generateSecretKey());
    await s.getPublicKey();
    s.forget();
    await rejects(s.getPublicKey(), SignerError, 'absent');
  });
});
