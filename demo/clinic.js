// The clinic EHR's own code. Publishing a visit and requesting access use the kit's core directly
// (no element does those: an EHR has its own forms); opening shares is <nip82-record-viewer>'s job.
import {
  RelayClient, consentHistoryBundle, createAccessRequest, createBundle, createRecord, nostrIdentifier, readConsentMessages,
} from '/dist/cdn/nip82-elements.js';
import { logActivity, signIn } from './portal.js';

const session = document.querySelector('nip82-session');
const { relays, people } = await signIn(session);
logActivity(document.getElementById('main'), document.getElementById('log'), people);

// Both forms start with the demo patient chosen; the picker takes any npub.
for (const picker of document.querySelectorAll('nip82-npub-picker')) {
  if (people.patient) {
    picker.recent = [people.patient.pubkey];
    picker.value = people.patient.pubkey;
  }
}
document.getElementById('visit-date').valueAsDate = new Date();

/** Base64 of bytes, a slice at a time: spreading all of a long note's bytes into one call overflows the stack. */
function base64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}

/** A visit as FHIR R4: the patient (by their nostr: identifier), the encounter, a blood pressure, the note. */
function visitBundle(patient, form) {
  const id = () => crypto.randomUUID();
  const [patientId, encounterId] = [id(), id()];
  const subject = { reference: `urn:uuid:${patientId}` };
  const date = form.get('date');
  const resources = [
    { resourceType: 'Patient', id: patientId, identifier: [nostrIdentifier(patient)] },
    {
      resourceType: 'Encounter', id: encounterId, status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
      type: [{ text: 'Clinic visit' }], reasonCode: [{ text: form.get('reason') }],
      subject, period: { start: date }, serviceProvider: { display: 'Harbor Clinic (demo)' },
    },
    {
      resourceType: 'Observation', id: id(), status: 'final', subject, effectiveDateTime: date,
      encounter: { reference: `urn:uuid:${encounterId}` },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' }], text: 'Blood pressure' },
      component: [['8480-6', 'Systolic', 'systolic'], ['8462-4', 'Diastolic', 'diastolic']].map(([code, text, field]) => ({
        code: { coding: [{ system: 'http://loinc.org', code }], text: `${text} blood pressure` },
        valueQuantity: { value: Number(form.get(field)), unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      })),
    },
  ];
  const note = String(form.get('note')).trim();
  if (note) {
    const data = base64(new TextEncoder().encode(note));
    resources.push({
      resourceType: 'DocumentReference', id: id(), status: 'current', subject, date: new Date(date).toISOString(),
      type: { text: 'Visit note' }, content: [{ attachment: { contentType: 'text/plain; charset=utf-8', title: 'Visit note', data } }],
      context: { encounter: [{ reference: `urn:uuid:${encounterId}` }] },
    });
  }
  return createBundle(resources);
}

/** How many of `total` events each relay accepted, from publish receipts. */
const acceptedPerRelay = (receipts, total) =>
  relays.map((relay) => `${relay} accepted ${receipts.filter((r) => r.relay === relay && r.status === 'accepted').length} of ${total} event(s)`).join('; ');

/** Runs one signed action for a form: its status line says what happened, per relay. */
function handle(formId, run) {
  const form = document.getElementById(formId);
  const status = form.querySelector('[role="status"]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const patient = form.querySelector('nip82-npub-picker').value;
    const missing = !session.signer ? 'Sign in first.' : !patient ? 'Choose the patient first.' : '';
    if (missing) {
      status.textContent = missing;
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    status.textContent = 'Signing and publishing…';
    const client = new RelayClient({ relays, signer: session.signer });
    let events = [];
    try {
      const made = await run(patient, new FormData(form), client);
      events = made.events;
      const receipts = await client.publishAll(events);
      const accepted = new Set(receipts.filter((r) => r.status === 'accepted').map((r) => r.relay)).size;
      status.textContent = `${made.done} ${accepted} of ${relays.length} relay(s) accepted it (${events.length} event(s)).`;
    } catch (error) {
      // publishAll stops at the first event too few relays took; the ones before it are out there.
      const receipts = error.receipts ?? [];
      status.textContent = receipts.some((r) => r.status === 'accepted')
        ? `Only partly published: ${acceptedPerRelay(receipts, events.length)}. ${error.message}`
        : `Nothing was published: ${error.message}`;
    } finally {
      client.close();
      button.disabled = false;
    }
  });
}

handle('visit-form', async (patient, form, client) => ({
  // The patient becomes an editor: the record is theirs to share; the clinic stays listed as its author.
  events: await createRecord({
    bundle: visitBundle(patient, form), author: session.signer,
    participants: [{ pubkey: patient, role: 'editor' }], maxEventBytes: await client.maxEventBytes(),
  }),
  done: 'Visit record published to the patient.',
}));

handle('request-form', async (patient, form, client) => ({
  events: (await createAccessRequest({
    signer: session.signer, patient, resourceTypes: form.getAll('type'), purpose: String(form.get('purpose')),
    days: Number(form.get('days')) || undefined, maxEventBytes: await client.maxEventBytes(),
  })).events,
  done: 'Request sent; the patient will see it in their portal.',
}));

// The consent history as the EHR files it: the clinic's own copies of its requests and the answers
// it received, read from its gift wraps (two signer calls each), as one FHIR Bundle.
const exportButton = document.getElementById('consent-export');
exportButton.addEventListener('click', async () => {
  const status = document.getElementById('consent-export-status');
  if (!session.signer) {
    status.textContent = 'Sign in first.';
    return;
  }
  exportButton.disabled = true;
  status.textContent = 'Reading requests and answers…';
  const client = new RelayClient({ relays, signer: session.signer });
  try {
    const { events } = await client.wrapsFor(await session.signer.getPublicKey());
    const messages = await readConsentMessages(events, session.signer);
    const bundle = consentHistoryBundle(messages);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }));
    link.download = `consent-history-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    status.textContent = `Downloaded ${messages.length} request(s) and answer(s).`;
  } catch (error) {
    status.textContent = `Nothing was downloaded: ${error.message}`;
  } finally {
    client.close();
    exportButton.disabled = false;
  }
});
