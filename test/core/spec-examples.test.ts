import { expect } from '@open-wc/testing';
import { hexToBytes } from '@noble/hashes/utils.js';
import { verifiedEvent } from '../../components/core/events.js';
import { readBundle, ReferenceIndex, createBundle } from '../../components/core/fhir/bundle.js';
import { unwrapGift, giftWrap, makeRumor } from '../../components/core/nip82/gift-wrap.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';
import { RecordError } from '../../components/core/errors.js';
import { fixture, person, rejects } from '../helpers.js';

interface Nip59Example {
  authorSecretKey: string;
  recipientSecretKey: string;
  rumor: { id: string; pubkey: string; content: string; kind: number; created_at: number };
  seal: unknown;
  wrap: { id: string };
}

describe('worked examples from the NIP texts', () => {
  it('the NIP-82 kind-82 example verifies and its non-R4 bundle reads leniently', async () => {
    const example = await fixture('nip82-spec-example-kind82.json');
    const event = verifiedEvent(example);
    expect(event.kind).to.equal(82);
    const bundle = readBundle(event.content);
    expect(bundle.entry!.map((e) => e.resource.resourceType)).to.deep.equal(['Practitioner', 'Patient', 'VisionPrescription']);
    const rx = bundle.entry![2]!.resource as unknown as { lensSpecification: Record<string, unknown>[]; patient: { reference: string } };
    expect(rx.lensSpecification[0]).to.deep.equal({ eye: 'right', sphere: -2 }); // nulls removed
    // Bare-id references resolve (to the first resource with that id).
    const index = new ReferenceIndex(bundle);
    expect(index.resolve(rx.patient)?.resourceType).to.equal('Practitioner');
    expect(index.resolve('Patient/460c25e682fda7832b52d1f22d3d22b3176d972f60dcdc3212ed8c92ef85065c')?.resourceType).to.equal('Patient');
  });

  it('the NIP-59 example unwraps through a signer to its rumor', async () => {
    const ex = await fixture<Nip59Example>('nip59-spec-example.json');
    const recipient = secretKeySigner(hexToBytes(ex.recipientSecretKey));
    const opened = await unwrapGift(ex.wrap, recipient);
    expect(opened.rumor.id).to.equal(ex.rumor.id);
    expect(opened.rumor.content).to.equal('Are you going to the party tonight?');
    expect(opened.sender).to.equal(ex.rumor.pubkey);
    expect(opened.wrapId).to.equal(ex.wrap.id);
    // Someone else cannot open it.
    const stranger = await person();
    await rejects(unwrapGift(ex.wrap, stranger.signer), RecordError, 'decrypt-failed');
  });

  it('our own wraps follow the same shape and unwrap the same way', async () => {
    const alice = await person();
    const bob = await person();
    const rumor = makeRumor({ kind: 82, tags: [['p', bob.pubkey]], content: JSON.stringify(createBundle([])) }, alice.pubkey);
    const [wrap] = await giftWrap(alice.signer, rumor, [bob.pubkey]);
    expect(wrap!.kind).to.equal(1059);
    expect(wrap!.pubkey).not.to.equal(alice.pubkey);
    expect(wrap!.tags).to.deep.equal([['p', bob.pubkey]]);
    expect(wrap!.created_at).to.be.at.most(Math.floor(Date.now() / 1000));
    const opened = await unwrapGift(wrap, bob.signer);
    expect(opened.rumor).to.deep.equal(rumor);
    expect(opened.sender).to.equal(alice.pubkey);
  });
});
