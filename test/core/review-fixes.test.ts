import { expect } from '@open-wc/testing';
import { createRecord, openRecord, grantAccess, revokeAccess, updateRecord } from '../../components/core/nip82/record.js';
import { RecordKeyCache } from '../../components/core/nip82/keys.js';
import { createAccessRequest, answerRequest, readConsentMessages } from '../../components/core/nip82/requests.js';
import { readBundle } from '../../components/core/fhir/bundle.js';
import { secretKeySigner } from '../../components/core/signers/secret-key.js';
import { RelayClient, checkRelays } from '../../components/core/relay/client.js';
import { RecordError, RelayError, SignerError } from '../../components/core/errors.js';
import { itemsOf, downRelayUrl, fixture, person, rejects, relayUrl, sampleBundle } from '../helpers.js';

describe('access changes that must not leave anything behind', () => {
  it('making an editor a viewer moves the record, so they lose the sign key', async () => {
    const [patient, clinician] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'editor' }] });
    const opened = await openRecord(events, patient.signer);
    const change = await grantAccess(opened, { pubkey: clinician.pubkey, role: 'viewer' });
    expect(change.moved?.from).to.equal(opened.signPubkey);
    expect(change.deletions).to.have.length(1);
    const asClinician = await openRecord(change.events.filter((e) => e.kind === 32225), clinician.signer);
    expect(asClinician.role).to.equal('viewer');
    // The last editor cannot make themselves a viewer.
    await rejects(grantAccess(change.record, { pubkey: patient.pubkey, role: 'viewer' }), RecordError, 'invalid-input');
  });

  it('refuses to change a record while some of its parts are missing', async () => {
    const patient = await person();
    const events = await createRecord({ bundle: await fixture('synthea-patient.json'), author: patient.signer, participants: [] });
    const partial = await openRecord(events.slice(1), patient.signer);
    await rejects(grantAccess(partial, { pubkey: (await person()).pubkey, role: 'viewer' }), RecordError, 'invalid-input');
    await rejects(revokeAccess(partial, patient.pubkey), RecordError, 'invalid-input');
  });

  it('parts left over from an older version are not merged into the newest', async () => {
    const patient = await person();
    const events = await createRecord({ bundle: await fixture('synthea-patient.json'), author: patient.signer, participants: [] });
    const opened = await openRecord(events, patient.signer);
    const small = sampleBundle();
    const change = await updateRecord(opened, { bundle: small, author: patient.signer });
    expect(change.deletions).to.have.length(1);
    // A relay that ignored the deletion still serves the old parts beside the new version.
    const reopened = await openRecord([...events, ...change.events.filter((e) => e.kind === 32225)], patient.signer);
    expect(itemsOf(reopened.bundle)).to.have.length(4);
    expect(reopened.parts).to.deep.equal({ have: 1, total: 1 });
    expect(change.record.author).to.equal(patient.pubkey);
  });

  it('a key one reader unlocked never serves another reader through a shared cache', async () => {
    const [patient, family] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    const cache = new RecordKeyCache();
    expect((await openRecord(events, patient.signer, { keyCache: cache })).role).to.equal('editor');
    expect((await openRecord(events, family.signer, { keyCache: cache })).role).to.equal('viewer');
  });
});

describe('relays: nothing dependent goes out after a failure', () => {
  it('publishAll stops at the first event no relay accepted', async () => {
    const client = new RelayClient({ relays: [await downRelayUrl()], publishTimeoutMs: 1500 });
    try {
      const patient = await person();
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
      const opened = await openRecord(events, patient.signer);
      const error = await rejects(client.publishAll([...events, ...(await updateRecord(opened, { bundle: sampleBundle(), author: patient.signer })).events]), RelayError, 'not-accepted');
      expect((error as RelayError).receipts).to.have.length(1);
    } finally {
      client.close();
    }
  });

  it('pages through more events than one page holds', async () => {
    const client = new RelayClient({ relays: [await relayUrl('second')] });
    try {
      const me = await person();
      const author = await person();
      const all = [];
      for (let i = 0; i < 7; i++) all.push(...(await createRecord({ bundle: sampleBundle(), author: author.signer, participants: [{ pubkey: me.pubkey, role: 'viewer' }], createdAt: 1_700_000_000 + i })));
      await client.publishAll(all);
      const { events } = await client.queryAll({ kinds: [32225], '#p': [me.pubkey] }, { pageSize: 3 });
      expect(events).to.have.length(7);
    } finally {
      client.close();
    }
  });
});

describe('bad input gets typed errors', () => {
  it('deeply nested FHIR, bad days, bad keys and bad relay lists', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    await rejects(() => readBundle({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Basic', x: deep } }] }), RecordError, 'malformed');
    const [patient, clinician] = [await person(), await person()];
    for (const days of [Number.NaN, Infinity, 1e12, -1, 0.5]) {
      await rejects(createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'x', days }), RecordError, 'invalid-input');
    }
    await rejects(() => secretKeySigner(new Uint8Array(32)), SignerError, 'bad-response');
    await rejects(() => checkRelays([42 as unknown as string]), RelayError, 'invalid-url');
  });

  it('answers keep granted naddrs given with nostr: and never widen the period', async () => {
    const [patient, clinician] = [await person(), await person()];
    const { request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'x', days: 10 });
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const naddr = (await openRecord(events, patient.signer)).naddrs[0]!;
    await rejects(answerRequest(request, { signer: patient.signer, decision: 'active', records: [naddr], until: '2999-01-01' }), RecordError, 'invalid-input');
    await rejects(answerRequest(request, { signer: patient.signer, decision: 'active', records: [naddr], until: 'soon' }), RecordError, 'invalid-input');
    const { events: wraps } = await answerRequest(request, { signer: patient.signer, decision: 'active', records: [`nostr:${naddr}`] });
    const [answer] = (await readConsentMessages(wraps, clinician.signer)).filter((m) => m.status === 'active');
    expect(answer!.records).to.deep.equal([naddr]);
  });
});
