import { expect } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import {
  createRecord, openRecord, grantAccess, revokeAccess, updateRecord, deleteRecord, groupRecords,
} from '../../components/core/nip82/record.js';
import { RECORD_KIND } from '../../components/core/nip82/constants.js';
import { RecordKeyCache } from '../../components/core/nip82/keys.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { unwrapMany } from '../../components/core/nip82/gift-wrap.js';
import { readMovedNotice } from '../../components/core/nip82/notices.js';
import { RecordError } from '../../components/core/errors.js';
import { eventBytes } from '../../components/core/events.js';
import { itemsOf, counting, fixture, person, rejects, relayUrl, sampleBundle, type Person } from '../helpers.js';

describe('records on a real relay', () => {
  let patient: Person;
  let clinician: Person;
  let family: Person;
  let client: RelayClient;

  before(async () => {
    patient = await person();
    clinician = await person();
    family = await person();
    client = new RelayClient({ relays: [await relayUrl('main'), await relayUrl('second')] });
  });
  after(() => client.close());

  async function fetchRecord(signPubkey: string, reader = client) {
    const { events } = await reader.query({ kinds: [RECORD_KIND], authors: [signPubkey] });
    return events;
  }

  it('creates a record the author, an editor and a viewer can each open from the relay', async () => {
    const bundle = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`);
    const events = await createRecord({
      bundle,
      author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }],
    });
    expect(events).to.have.length(1);
    const [e] = events;
    expect(e!.kind).to.equal(32225);
    expect(e!.tags.find((t) => t[0] === 'd')![1]).to.match(/^[0-9a-f]{32}$/);
    expect(e!.tags.filter((t) => t[0] === 'p').map((t) => t[1]).sort()).to.deep.equal([patient.pubkey, clinician.pubkey, family.pubkey].sort());
    expect(e!.tags.filter((t) => t[0] === 'key')).to.have.length(3);
    expect(e!.content).not.to.contain('Penicillin');
    await client.publishAll(events);

    const fetched = await fetchRecord(e!.pubkey);
    const asPatient = await openRecord(fetched, patient.signer);
    expect(asPatient.role).to.equal('editor');
    expect(asPatient.author).to.equal(patient.pubkey);
    expect(asPatient.authorVerified).to.equal(true);
    expect(asPatient.subject).to.equal(patient.pubkey);
    expect(asPatient.participants!.map((p) => `${p.role}:${p.pubkey}`).sort()).to.deep.equal(
      [`editor:${patient.pubkey}`, `editor:${clinician.pubkey}`, `viewer:${family.pubkey}`].sort(),
    );
    expect(itemsOf(asPatient.bundle).map((x) => x.resource.resourceType)).to.deep.equal(['Patient', 'AllergyIntolerance', 'Condition', 'Immunization']);
    expect(asPatient.withheld).to.equal(undefined);

    const asClinician = await openRecord(fetched, clinician.signer);
    expect(asClinician.role).to.equal('editor');

    const asFamily = await openRecord(fetched, family.signer);
    expect(asFamily.role).to.equal('viewer');
    expect(asFamily.participants).to.equal(undefined);
    expect(asFamily.listed.sort()).to.deep.equal([patient.pubkey, clinician.pubkey, family.pubkey].sort());
    expect(JSON.stringify(asFamily.bundle)).to.contain('Penicillin');

    const stranger = await person();
    await rejects(openRecord(fetched, stranger.signer), RecordError, 'not-a-participant');
  });

  it('a record with no viewers encrypts its content to the sign key itself', async () => {
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
    const opened = await openRecord(events, patient.signer);
    expect(opened.role).to.equal('editor');
    expect(opened.participants).to.deep.equal([{ pubkey: patient.pubkey, role: 'editor' }]);
  });

  it('grants a viewer: the new version opens for them, and the old one did not', async () => {
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
    await client.publishAll(events);
    const opened = await openRecord(await fetchRecord(events[0]!.pubkey), patient.signer);
    await rejects(openRecord(events, clinician.signer), RecordError, 'not-a-participant');
    const change = await grantAccess(opened, { pubkey: clinician.pubkey, role: 'viewer' });
    expect(change.events).to.have.length(1);
    expect(change.events[0]!.created_at).to.be.greaterThan(events[0]!.created_at);
    await client.publishAll(change.events);
    const latest = await fetchRecord(events[0]!.pubkey);
    expect(latest).to.have.length(1);
    expect(latest[0]!.id).to.equal(change.events[0]!.id);
    const asClinician = await openRecord(latest, clinician.signer);
    expect(asClinician.role).to.equal('viewer');
    expect(itemsOf(asClinician.bundle)).to.have.length(4);
  });

  it('revokes a viewer: they cannot open the new version; everyone else still can', async () => {
    const events = await createRecord({
      bundle: sampleBundle(), author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }],
    });
    await client.publishAll(events);
    const opened = await openRecord(events, patient.signer);
    const cache = new RecordKeyCache();
    await openRecord(events, family.signer, { keyCache: cache });

    const change = await revokeAccess(opened, family.pubkey);
    expect(change.deletions).to.have.length(0);
    expect(change.record.signPubkey).to.equal(opened.signPubkey);
    await client.publishAll(change.events);
    const latest = await fetchRecord(opened.signPubkey);
    expect(latest[0]!.id).to.equal(change.events[0]!.id);

    await rejects(openRecord(latest, family.signer, { keyCache: cache }), RecordError, 'not-a-participant');
    expect((await openRecord(latest, clinician.signer)).role).to.equal('viewer');
    expect((await openRecord(latest, patient.signer)).participants!.map((p) => p.pubkey)).not.to.include(family.pubkey);
  });

  it('revokes an editor: the record moves to a new sign key, the old address is deleted, the others are told', async () => {
    const events = await createRecord({
      bundle: sampleBundle(), author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }],
    });
    await client.publishAll(events);
    const opened = await openRecord(events, patient.signer);
    const change = await revokeAccess(opened, clinician.pubkey, { notify: patient.signer, relays: client.relays });
    expect(change.moved).to.deep.equal({ from: opened.signPubkey, to: change.record.signPubkey });
    expect(change.record.signPubkey).not.to.equal(opened.signPubkey);
    expect(change.deletions).to.have.length(1);
    expect(change.deletions[0]!.pubkey).to.equal(opened.signPubkey);
    expect(change.deletions[0]!.tags).to.deep.include(['a', `32225:${opened.signPubkey}:${opened.identifiers[0]}`]);
    expect(change.notices).to.have.length(1);
    await client.publishAll(change.events);

    expect(await fetchRecord(opened.signPubkey)).to.have.length(0);
    const moved = await fetchRecord(change.record.signPubkey);
    await rejects(openRecord(moved, clinician.signer), RecordError, 'not-a-participant');
    expect((await openRecord(moved, family.signer)).role).to.equal('viewer');
    expect((await openRecord(moved, patient.signer)).role).to.equal('editor');

    const { events: wraps } = await client.wrapsFor(family.pubkey);
    const { opened: notes } = await unwrapMany(wraps, family.signer);
    const notice = notes.map((n) => readMovedNotice(n.rumor)).find(Boolean);
    expect(notice).to.deep.equal({ from: opened.signPubkey, to: change.record.signPubkey });
    expect(notes.find((n) => readMovedNotice(n.rumor))!.sender).to.equal(patient.pubkey);
  });

  it('only an editor can change access, and a record keeps at least one editor', async () => {
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    const asFamily = await openRecord(events, family.signer);
    await rejects(grantAccess(asFamily, { pubkey: clinician.pubkey, role: 'viewer' }), RecordError, 'not-an-editor');
    await rejects(revokeAccess(asFamily, patient.pubkey), RecordError, 'not-an-editor');
    const asPatient = await openRecord(events, patient.signer);
    await rejects(revokeAccess(asPatient, patient.pubkey), RecordError, 'invalid-input');
    await rejects(revokeAccess(asPatient, clinician.pubkey), RecordError, 'not-a-participant');
  });

  it('splits a Synthea patient into parts that each fit 64 KiB, and opens them all with one signer call', async () => {
    const bundle = await fixture('synthea-patient.json');
    const events = await createRecord({ bundle, author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    expect(events.length).to.be.greaterThan(1);
    for (const e of events) expect(eventBytes(e)).to.be.at.most(65536);
    expect(new Set(events.map((e) => e.pubkey)).size).to.equal(1);
    await client.publishAll(events);

    const reader = counting(clinician.signer);
    const opened = await openRecord(await fetchRecord(events[0]!.pubkey), reader, { keyCache: new RecordKeyCache() });
    expect(reader.calls.nip44Decrypt).to.equal(1);
    expect(opened.parts).to.deep.equal({ have: events.length, total: events.length });
    expect(itemsOf(opened.bundle)).to.have.length(62);
    expect(itemsOf(opened.bundle).map((e) => e.fullUrl)).to.deep.equal(
      (bundle as { entry: { fullUrl: string }[] }).entry.map((e) => e.fullUrl),
    );
  });

  it('shows k of n when parts are missing', async () => {
    const bundle = await fixture('synthea-patient.json');
    const events = await createRecord({ bundle, author: patient.signer, participants: [] });
    const opened = await openRecord(events.slice(1), patient.signer);
    expect(opened.parts).to.deep.equal({ have: events.length - 1, total: events.length });
  });

  it('a second open of the same record uses the session key cache: no signer call', async () => {
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    const cache = new RecordKeyCache();
    const reader = counting(family.signer);
    await openRecord(events, reader, { keyCache: cache });
    await openRecord(events, reader, { keyCache: cache });
    expect(reader.calls.nip44Decrypt).to.equal(1);
    cache.wipe();
    expect(cache.size).to.equal(0);
    await openRecord(events, reader, { keyCache: cache });
    expect(reader.calls.nip44Decrypt).to.equal(2);
  });

  it('refuses a single resource too large for any part, with a clear error', async () => {
    const bundle = sampleBundle();
    (bundle.entry[0]!.resource as Record<string, unknown>).text = { status: 'generated', div: `<div>${'x'.repeat(80000)}</div>` };
    const error = await rejects(createRecord({ bundle, author: patient.signer, participants: [] }), RecordError, 'too-large');
    expect(error.message).to.contain('Patient');
  });

  it('fits a smaller budget from a relay\'s NIP-11 limits, and that relay accepts every part', async () => {
    const small = new RelayClient({ relays: [await relayUrl('small')] });
    try {
      const budget = await small.maxEventBytes();
      expect(budget).to.equal(16000);
      const bundle = await fixture('synthea-patient.json');
      const events = await createRecord({ bundle, author: patient.signer, participants: [], maxEventBytes: budget });
      for (const e of events) expect(eventBytes(e)).to.be.at.most(16000);
      const receipts = await small.publishAll(events);
      expect(receipts.every((r) => r.status === 'accepted')).to.equal(true);
    } finally {
      small.close();
    }
  });

  it('updates content in place and deletes a record', async () => {
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    await client.publishAll(events);
    const opened = await openRecord(events, patient.signer);
    const next = sampleBundle();
    next.entry = next.entry.slice(0, 2);
    const change = await updateRecord(opened, { bundle: next, author: clinician.signer });
    await client.publishAll(change.events);
    const reopened = await openRecord(await fetchRecord(opened.signPubkey), family.signer);
    expect(itemsOf(reopened.bundle)).to.have.length(2);
    expect(reopened.author).to.equal(clinician.pubkey);
    expect(reopened.identifiers).to.deep.equal(opened.identifiers);

    await client.publishAll(deleteRecord(change.record));
    expect(await fetchRecord(opened.signPubkey)).to.have.length(0);
  });

  it('finds my records by #p and groups them by record', async () => {
    const me = await person();
    const a = await createRecord({ bundle: sampleBundle(), author: me.signer, participants: [] });
    const b = await createRecord({ bundle: await fixture('synthea-patient.json'), author: patient.signer, participants: [{ pubkey: me.pubkey, role: 'viewer' }] });
    await client.publishAll([...a, ...b]);
    const { events } = await client.recordsFor(me.pubkey);
    const groups = groupRecords(events);
    expect(groups.size).to.equal(2);
    expect(groups.get(b[0]!.pubkey)).to.have.length(b.length);
  });
});
