import { expect } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord, openRecord } from '../../components/core/nip82/record.js';
import { createShare, planShare } from '../../components/core/nip82/share.js';
import { createAccessRequest, answerRequest, readConsentMessages, sendBundle, receiveBundles } from '../../components/core/nip82/requests.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { giftWrap, makeRumor } from '../../components/core/nip82/gift-wrap.js';
import { MEDICAL_DATA_KIND } from '../../components/core/nip82/constants.js';
import { createBundle } from '../../components/core/fhir/bundle.js';
import { nostrIdentifier } from '../../components/core/fhir/patient.js';
import type { FhirResource } from '../../components/core/fhir/types.js';
import { RECORD_KIND } from '../../components/core/nip82/constants.js';
import { RecordError } from '../../components/core/errors.js';
import { itemsOf, person, rejects, relayUrl, sampleBundle, type Person } from '../helpers.js';

describe('shares with hidden items, requests and one-off sends, on a real relay', () => {
  let patient: Person;
  let clinician: Person;
  let client: RelayClient;

  before(async () => {
    patient = await person();
    clinician = await person();
    client = new RelayClient({ relays: [await relayUrl('main')] });
  });
  after(() => client.close());

  async function patientRecord() {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    return openRecord(events, patient.signer);
  }

  for (const disclose of ['flag', 'count', 'count-and-kind'] as const) {
    it(`a share hiding an item, disclosed as "${disclose}", opens for the clinician with the flag`, async () => {
      const record = await patientRecord();
      const condition = record.bundle.entry!.find((e) => e.resource.resourceType === 'Condition')!.fullUrl!;
      const events = await createShare({
        from: [record], withhold: [condition], disclose, author: patient.signer,
        participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
      });
      await client.publishAll(events);
      const { events: fetched } = await client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] });
      const shared = await openRecord(fetched, clinician.signer);
      const types = itemsOf(shared.bundle).map((e) => e.resource.resourceType);
      expect(types).not.to.include('Condition');
      expect(JSON.stringify(shared.bundle)).not.to.contain('Chlamydia');
      expect(types).to.include.members(['Patient', 'AllergyIntolerance', 'Immunization', 'List']);
      expect(shared.subject).to.equal(patient.pubkey);
      expect(shared.author).to.equal(patient.pubkey);
      expect(shared.withheld).to.deep.equal(
        disclose === 'flag' ? { disclose } : disclose === 'count' ? { disclose, count: 1 } : { disclose, count: 1, kinds: { Condition: 1 } },
      );
    });
  }

  it('a share with nothing hidden carries no flag; include narrows by context', async () => {
    const record = await patientRecord();
    const immunization = record.bundle.entry!.find((e) => e.resource.resourceType === 'Immunization')!.fullUrl!;
    const plan = planShare({ from: [record], include: [immunization] });
    // The patient the items are about goes with them, and the plan says it was added.
    expect(plan.entries.map((e) => e.resource.resourceType)).to.deep.equal(['Patient', 'Immunization']);
    expect(plan.added?.map((e) => e.resource.resourceType)).to.deep.equal(['Patient']);
    expect(plan.hidden).to.have.length(0);
    const events = await createShare({ from: [record], include: [immunization], author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const shared = await openRecord(events, clinician.signer);
    expect(shared.withheld).to.equal(undefined);
    expect(itemsOf(shared.bundle)).to.have.length(2);
    await rejects(createShare({ from: [record], withhold: ['urn:uuid:not-there'], author: patient.signer, participants: [] }), RecordError, 'invalid-input');
  });

  it('request → approve → the clinician opens the granted record; both sides keep the history', async () => {
    const { events: requestWraps, request } = await createAccessRequest({
      signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Immunization'],
      purpose: 'Pre-operative assessment', days: 30, note: 'Surgery on the 3rd',
    });
    expect(requestWraps).to.have.length(2);
    expect(request.status).to.equal('proposed');
    await client.publishAll(requestWraps);

    const incoming = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).filter((m) => m.status === 'proposed');
    expect(incoming).to.have.length(1);
    const asked = incoming[0]!;
    expect(asked).to.include({ from: clinician.pubkey, requester: clinician.pubkey, patient: patient.pubkey, purpose: 'Pre-operative assessment', note: 'Surgery on the 3rd' });
    expect(asked.resourceTypes).to.deep.equal(['AllergyIntolerance', 'Immunization']);
    expect(asked.period?.end).to.be.a('string');

    const record = await patientRecord();
    const share = await createShare({
      from: [record], include: record.bundle.entry!.filter((e) => ['AllergyIntolerance', 'Patient'].includes(e.resource.resourceType)).map((e) => e.fullUrl!),
      author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
    });
    await client.publishAll(share);
    const shareRecord = await openRecord(share, patient.signer);
    const { events: answerWraps, answer } = await answerRequest(asked, {
      signer: patient.signer, decision: 'active', records: shareRecord.naddrs, resourceTypes: ['AllergyIntolerance'],
    });
    expect(answer.resourceTypes).to.deep.equal(['AllergyIntolerance']);
    await client.publishAll(answerWraps);

    const replies = await readConsentMessages((await client.wrapsFor(clinician.pubkey)).events, clinician.signer);
    const approval = replies.find((m) => m.status === 'active')!;
    expect(approval.answers).to.equal(asked.id);
    expect(approval.records).to.deep.equal(shareRecord.naddrs);
    const { events: granted } = await client.recordByNaddr(approval.records[0]!);
    const opened = await openRecord(granted, clinician.signer);
    expect(itemsOf(opened.bundle).map((e) => e.resource.resourceType)).to.deep.equal(['Patient', 'AllergyIntolerance']);

    const history = await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer);
    expect(history.map((m) => m.status).sort()).to.deep.equal(['active', 'proposed']);
  });

  it('request → deny: the clinician gets a rejection and no records', async () => {
    const other = await person();
    const { events, request } = await createAccessRequest({ signer: other.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Research' });
    await client.publishAll(events);
    const { events: answer } = await answerRequest(request, { signer: patient.signer, decision: 'rejected', records: ['ignored'] });
    await client.publishAll(answer);
    const replies = await readConsentMessages((await client.wrapsFor(other.pubkey)).events, other.signer);
    const rejection = replies.find((m) => m.status === 'rejected')!;
    expect(rejection.records).to.deep.equal([]);
    expect(rejection.from).to.equal(patient.pubkey);
    await rejects(answerRequest(request, { signer: other.signer, decision: 'active' }), RecordError, 'invalid-input');
  });

  it('a request claiming to come from someone else is ignored', async () => {
    const impostor = await person();
    // A real request from the impostor, then the same Consent rewritten to name the clinician as
    // the requester, sealed and wrapped by the impostor: every signature is valid, only the claim is false.
    const { events: honest, request } = await createAccessRequest({ signer: impostor.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Second opinion' });
    const forgedConsent = structuredClone(request.consent) as unknown as { provision: { actor: { reference: { identifier: unknown } }[] } };
    forgedConsent.provision.actor[0]!.reference.identifier = nostrIdentifier(clinician.pubkey);
    const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([forgedConsent as unknown as FhirResource])) }, impostor.pubkey);
    const forged = await giftWrap(impostor.signer, rumor, [patient.pubkey]);

    const messages = await readConsentMessages([...forged, ...honest], patient.signer);
    // The honest request is read, as the impostor's; the forged one is not read at all.
    expect(messages.map((m) => [m.id, m.requester])).to.deep.equal([[request.id, impostor.pubkey]]);
    expect((await readConsentMessages(forged, patient.signer))).to.deep.equal([]);
  });

  it('a request naming a kind many times reads it once; one naming more kinds than FHIR has is not read', async () => {
    const stranger = await person();
    const { request } = await createAccessRequest({ signer: stranger.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Second opinion' });
    /** The stranger's own request, its asked-for kinds rewritten: every signature is valid. */
    const asking = async (codes: string[]) => {
      const consent = structuredClone(request.consent) as unknown as { provision: { class: { code: string }[] } };
      consent.provision.class = codes.map((code) => ({ code }));
      const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([consent as unknown as FhirResource])) }, stranger.pubkey);
      return readConsentMessages(await giftWrap(stranger.signer, rumor, [patient.pubkey]), patient.signer);
    };

    // As many as one encrypted message holds.
    const repeated = await asking([...Array(1000).fill('Condition'), 'Immunization', 'Condition']);
    expect(repeated.map((m) => m.resourceTypes)).to.deep.equal([['Condition', 'Immunization']]);
    // 150 distinct kinds are still a request (R4 has 145); 151 are not.
    const kinds = (n: number) => Array.from({ length: n }, (_, i) => `Kind${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
    expect((await asking(kinds(150))).map((m) => m.resourceTypes.length)).to.deep.equal([150]);
    expect(await asking(kinds(151))).to.deep.equal([]);
    await rejects(createAccessRequest({ signer: stranger.signer, patient: patient.pubkey, resourceTypes: kinds(151), purpose: 'x' }), RecordError, 'invalid-input');
  });

  it('rejects bad requests with typed errors', async () => {
    await rejects(createAccessRequest({ signer: clinician.signer, patient: 'nope', resourceTypes: ['Condition'], purpose: 'x' }), RecordError, 'invalid-input');
    await rejects(createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: [], purpose: 'x' }), RecordError, 'invalid-input');
    await rejects(createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: ' ' }), RecordError, 'invalid-input');
  });

  it('sends a bundle one-off and the recipient receives it; consent messages are not mistaken for bundles', async () => {
    const wraps = await sendBundle({ signer: clinician.signer, recipients: [patient.pubkey], bundle: sampleBundle() });
    expect(wraps).to.have.length(2);
    await client.publishAll(wraps);
    const received = await receiveBundles((await client.wrapsFor(patient.pubkey)).events, patient.signer);
    const mine = received.filter((r) => r.from === clinician.pubkey);
    expect(mine).to.have.length(1);
    expect(mine[0]!.bundle.entry).to.have.length(4);
  });
});
