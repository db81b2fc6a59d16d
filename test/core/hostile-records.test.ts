import { expect } from '@open-wc/testing';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { decrypt, encrypt, getConversationKey } from 'nostr-tools/nip44';
import { hexToBytes } from '@noble/hashes/utils.js';
import { createRecord, grantAccess, openRecord, revokeAccess, updateRecord } from '../../components/core/nip82/record.js';
import { checkPartsBelong, MAX_KEY_TAGS } from '../../components/core/nip82/parts.js';
import { RecordError } from '../../components/core/errors.js';
import { eventBytes, nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';
import type { FhirBundle } from '../../components/core/fhir/types.js';
import { attestBundle, isAttestation } from '../../components/core/attest/attestation.js';
import { sealParts } from '../../components/core/nip82/record-create.js';
import { boundTag, randomPartId } from '../../components/core/nip82/parts-write.js';
import { rejects, sampleBundle } from '../helpers.js';

/** A person whose secret key the test holds (to act as a hostile participant would). */
function keyed() {
  const sk = generateSecretKey();
  return { sk, pubkey: getPublicKey(sk), signer: secretKeySigner(sk) };
}

/** What a participant can read out of a record event with their own key: the key it hands them. */
function keyFor(event: NostrEvent, who: { sk: Uint8Array; pubkey: string }): Uint8Array {
  const tag = event.tags.find((t) => t[0] === 'key' && t[1] === who.pubkey)!;
  return hexToBytes(decrypt(tag[2]!, getConversationKey(who.sk, event.pubkey)).trim());
}

/** The inner kind-82 JSON a viewer (or an editor with the view key) decrypts from a record event. */
function innerOf(event: NostrEvent, viewOrSignKey: Uint8Array): string {
  return decrypt(event.content, getConversationKey(viewOrSignKey, event.pubkey));
}

/** A record of a new sign key, listing `reader` as editor, wrapping `innerJson` as its content. */
function wrapAsNewRecord(innerJson: string, reader: string): NostrEvent {
  const signKey = generateSecretKey();
  const signPub = getPublicKey(signKey);
  const hex = Array.from(signKey, (b) => b.toString(16).padStart(2, '0')).join('');
  return finalizeEvent({
    kind: 32225, created_at: nowSeconds(),
    tags: [['d', 'c'.repeat(32)], ['p', reader], ['key', reader, encrypt(hex, getConversationKey(signKey, reader))]],
    content: encrypt(innerJson, getConversationKey(signKey, signPub)),
  }, signKey) as NostrEvent;
}

function otherBundle(): FhirBundle {
  const b = sampleBundle() as unknown as FhirBundle;
  b.entry![2]!.resource.code = { text: 'Someone else\'s diagnosis' };
  return b;
}

describe('what a reader accepts from a hostile participant', () => {
  it('refuses a part taken from another record, never merging it (both say "1 of 1")', async () => {
    const clinic = keyed();
    const insider = keyed(); // an editor of Alice's record and a viewer of Bob's
    const alice = keyed();
    const alices = await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: insider.pubkey, role: 'editor' }, { pubkey: alice.pubkey, role: 'viewer' }] });
    const bobs = await createRecord({ bundle: otherBundle(), author: clinic.signer, participants: [{ pubkey: insider.pubkey, role: 'viewer' }] });
    const part = alices[0]!;
    const signKey = keyFor(part, insider);
    const viewKey = hexToBytes(decrypt(part.tags.find((t) => t[0] === 'key' && t[1] === alice.pubkey)![2]!, getConversationKey(signKey, alice.pubkey)).trim());
    const bobsInner = innerOf(bobs[0]!, keyFor(bobs[0]!, insider));
    const extra = finalizeEvent({
      kind: 32225, created_at: part.created_at,
      tags: part.tags.map((t) => (t[0] === 'd' ? ['d', 'e'.repeat(32)] : t)),
      content: encrypt(bobsInner, getConversationKey(signKey, getPublicKey(viewKey))),
    }, signKey) as NostrEvent;

    const error = await rejects(openRecord([part, extra], alice.signer), RecordError, 'malformed');
    expect(error.message).to.match(/not merged/);
    // Alice's own record still opens on its own.
    expect((await openRecord([part], alice.signer)).authorVerified).to.equal(true);
  });

  it('parts must share Bundle identifier, subject and part count, each place once', () => {
    const bundle = (value: string) => ({ resourceType: 'Bundle', type: 'collection', identifier: { system: 'urn:ietf:rfc:3986', value } }) as FhirBundle;
    const s = 'a'.repeat(64);
    expect(() => checkPartsBelong([{ index: 1, total: 2, subject: s, bundle: bundle('x') }, { index: 2, total: 2, subject: s, bundle: bundle('x') }])).not.to.throw();
    for (const second of [
      { index: 2, total: 2, subject: s, bundle: bundle('y') },
      { index: 2, total: 2, subject: 'b'.repeat(64), bundle: bundle('x') },
      { index: 2, total: 3, subject: s, bundle: bundle('x') },
      { index: 1, total: 2, subject: s, bundle: bundle('x') },
    ]) {
      expect(() => checkPartsBelong([{ index: 1, total: 2, subject: s, bundle: bundle('x') }, second])).to.throw(RecordError).with.property('code', 'malformed');
    }
  });

  it('refuses a record with thousands of junk key tags quickly, naming how many', async () => {
    const victim = keyed();
    const signKey = generateSecretKey();
    const signPub = getPublicKey(signKey);
    const hex = Array.from(signKey, (b) => b.toString(16).padStart(2, '0')).join('');
    const junkPub = getPublicKey(generateSecretKey());
    const junk = encrypt('f'.repeat(64), getConversationKey(signKey, junkPub));
    const tags = [['d', 'f'.repeat(32)], ['p', victim.pubkey], ['key', victim.pubkey, encrypt(hex, getConversationKey(signKey, victim.pubkey))]];
    for (let i = 0; i < 2500; i++) tags.push(['key', junkPub, junk]);
    const event = finalizeEvent({ kind: 32225, created_at: nowSeconds(), tags, content: encrypt('{}', getConversationKey(signKey, signPub)) }, signKey) as NostrEvent;
    const error = await rejects(openRecord([event], victim.signer), RecordError, 'malformed');
    expect(error.message).to.include('2501');
    expect(error.message).to.include(String(MAX_KEY_TAGS));
  });

  it('an old inner event re-wrapped by a former viewer is not the author\'s current word, and shows when it was signed', async () => {
    const clinic = keyed();
    const former = keyed();
    const victim = keyed();
    const signedAt = nowSeconds() - 3600;
    // Inner events signed by the author themselves (no attestation), as readers relying on the inner signature see them.
    const v1 = await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: former.pubkey, role: 'viewer' }, { pubkey: victim.pubkey, role: 'viewer' }], createdAt: signedAt, attest: false });
    const opened = await openRecord(v1, victim.signer);
    expect(opened.authorVerified).to.equal(true);
    expect(opened.authorBound).to.equal(true);
    expect(opened.authorSignedAt).to.equal(signedAt);

    // The clinic corrects the record; the former viewer kept the first inner event.
    const mine = await openRecord(v1, clinic.signer);
    await updateRecord(mine, { bundle: otherBundle(), author: clinic.signer });
    const oldInner = innerOf(v1[0]!, keyFor(v1[0]!, former));
    const rewrapped = await openRecord([wrapAsNewRecord(oldInner, victim.pubkey)], victim.signer);
    expect(rewrapped.author).to.equal(clinic.pubkey);
    expect(rewrapped.authorBound).to.equal(false);
    expect(rewrapped.authorVerified).to.equal(false);
    expect(rewrapped.authorSignedAt).to.equal(signedAt);
    expect(rewrapped.createdAt).to.be.greaterThan(signedAt);
  });

  it('the author\'s word stays bound to the record after it moves, through the old sign key\'s proof', async () => {
    const clinic = keyed();
    const editor = keyed();
    const viewer = keyed();
    const events = await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: editor.pubkey, role: 'editor' }, { pubkey: viewer.pubkey, role: 'viewer' }] });
    const first = await revokeAccess(await openRecord(events, clinic.signer), editor.pubkey);
    expect(first.moved).to.not.equal(undefined);
    const movedOnce = first.events.filter((e) => e.kind === 32225);
    const opened = await openRecord(movedOnce, viewer.signer);
    expect(opened.authorBound).to.equal(true);
    expect(opened.authorVerified).to.equal(true);
    // Moved again (the viewer made an editor, then removed): the chain of proofs is followed back.
    const promoted = await grantAccess(await openRecord(movedOnce, clinic.signer), { pubkey: viewer.pubkey, role: 'editor' });
    const second = await revokeAccess(await openRecord(promoted.events, clinic.signer), viewer.pubkey);
    expect(second.moved).to.not.equal(undefined);
    const again = await openRecord(second.events.filter((e) => e.kind === 32225), clinic.signer);
    expect(again.authorBound).to.equal(true);
    expect(again.authorVerified).to.equal(true);
  });

  it('too many participants for the event size gets an error that says so, with the limit', async () => {
    const clinic = keyed();
    const people = (n: number) => Array.from({ length: n }, () => ({ pubkey: getPublicKey(generateSecretKey()), role: 'viewer' as const }));
    const crowd = await rejects(createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: people(200) }), RecordError, 'too-large');
    expect(crowd.message).to.match(/too many participants/i);
    const limit = Number(/at most (\d+) people/.exec(crowd.message)?.[1]);
    expect(limit).to.be.within(100, 199);
    const fits = await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: people(limit - 1) });
    for (const e of fits) expect(eventBytes(e)).to.be.at.most(65536);
    const huge = await rejects(createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: people(MAX_KEY_TAGS + 1), maxEventBytes: 10_000_000 }), RecordError, 'too-large');
    expect(huge.message).to.include(String(MAX_KEY_TAGS));
  });
});

describe("an author's attestation copied into another record", () => {
  const condition = (text: string) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Condition', code: { text } } });

  /** A record sealed by a key of its own (as the kit makes them) around `bundle`, for `reader`. */
  function sealed(bundle: unknown, reader: string) {
    const signKey = generateSecretKey();
    const d = randomPartId();
    const createdAt = nowSeconds();
    const inner = JSON.stringify(finalizeEvent({ kind: 82, created_at: createdAt, tags: [boundTag(getPublicKey(signKey), d)], content: JSON.stringify(bundle) }, signKey));
    return sealParts({ inner: [inner], ds: [d], signKey, viewKey: generateSecretKey(), participants: [{ pubkey: reader, role: 'viewer' }], createdAt });
  }

  it('does not make a forged record show as written by that author, once its list of entries is cut', async () => {
    const doctor = keyed();
    const patient = keyed();
    // A real attestation the doctor signed, which anyone the record was shared with holds.
    const real = await attestBundle({ resourceType: 'Bundle', type: 'collection', entry: [condition('Asthma'), condition('Eczema')] } as FhirBundle, doctor.signer, { createdAt: nowSeconds() - 1000 });
    const attestation = real.entry!.find((e) => isAttestation(e.resource))!;

    // As it is, around made-up entries: the entries it lists are not there, so nothing holds.
    const whole = await openRecord(sealed({ resourceType: 'Bundle', type: 'collection', entry: [attestation, condition('Made-up diagnosis')] }, patient.pubkey), patient.signer);
    expect(whole.authorVerified, 'a whole attestation of other entries').to.equal(false);

    // Its list of entries emptied, which its signature does not cover: it must not vouch either.
    const cut = { ...attestation, resource: { ...attestation.resource, target: [] } };
    const forged = await openRecord(sealed({ resourceType: 'Bundle', type: 'collection', entry: [cut, condition('Made-up diagnosis')] }, patient.pubkey), patient.signer);
    expect(forged.parts, 'every part is at hand').to.deep.equal({ have: 1, total: 1 });
    expect(forged.authorVerified, 'the doctor is not shown as its verified author').to.equal(false);
    expect(forged.provenance.verified, 'no entry is shown as the doctor signed it').to.equal(0);

    // The doctor's own record, whole, still is.
    const own = await openRecord(sealed(real, patient.pubkey), patient.signer);
    expect([own.author, own.authorVerified]).to.deep.equal([doctor.pubkey, true]);
  });
});
