// The clinic EHR's own code. Publishing a visit and requesting access use the kit's core directly
// (no element does those: an EHR has its own forms); opening shares is <nip82-record-viewer>'s job.
import {
  RelayClient, consentHistoryBundle, createAccessRequest, createBundle, createRecord, nostrIdentifier, readConsentMessages,
} from '/dist/cdn/nip82-elements.js';
import { logActivity, short, signIn } from './portal.js';

const session = document.querySelector('nip82-session');
const { relays, people, viaExtension } = await signIn(session);
logActivity(document.getElementById('main'), document.getElementById('log'), people);

// With a demo identity both forms start with the demo patient chosen. Someone signed in with their
// own key gets nobody chosen or suggested (the demo patient's key is one this demo made); the picker
// takes any npub.
for (const picker of document.querySelectorAll('nip82-npub-picker')) {
  if (people.patient && !viaExtension) {
    picker.recent = [people.patient.pubkey];
    picker.value = people.patient.pubkey;
  }
}
if (viaExtension) {
  const note = document.getElementById('patient-note');
  note.textContent = `You signed in with your own key, so no patient is chosen for you: enter your patient's npub in each form.${
    people.patient ? ` The demo patient, ${people.patient.name}, is ${short(people.patient.npub)}, a key this demo generated.` : ''}`;
  note.hidden = false;
}
document.getElementById('visit-date').valueAsDate = new Date();

/**
 * Marks a button busy while its action runs: aria-disabled, not disabled, so that a keyboard user
 * who pressed it stays on it (a disabled button drops its focus to the page's body). Its handler
 * checks {@link isBusy} and does nothing meanwhile.
 */
function setBusy(button, busy) {
  button.setAttribute('aria-disabled', String(busy));
}
const isBusy = (button) => button.getAttribute('aria-disabled') === 'true';

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

/**
 * Runs one signed action for a form. Every event is signed before any is published, so a signer
 * that declines leaves nothing out there. When relays take only some events, the line says which,
 * and "Finish sending" publishes the same signed events again (never new ones) until all are in.
 */
function handle(formId, run) {
  const form = document.getElementById(formId);
  const status = form.querySelector('[role="status"]');
  const submit = form.querySelector('button[type="submit"]');
  const retry = form.querySelector('button.retry');
  /** Signed events not yet all published: { events, done, accepted: Set of "relay id" }. */
  let pending;

  const publish = async () => {
    const client = new RelayClient({ relays, signer: session.signer });
    const everywhere = (e) => relays.every((relay) => pending.accepted.has(`${relay} ${e.id}`));
    const note = (receipts) => { for (const r of receipts) if (r.status === 'accepted') pending.accepted.add(`${r.relay} ${r.eventId}`); };
    try {
      note(await client.publishAll(pending.events.filter((e) => !everywhere(e))));
      const reached = relays.filter((relay) => pending.events.every((e) => pending.accepted.has(`${relay} ${e.id}`))).length;
      status.textContent = `${pending.done} ${reached} of ${relays.length} relay(s) accepted it (${pending.events.length} event(s)).`;
      pending = undefined;
      retry.hidden = true;
    } catch (error) {
      // publishAll stops at the first event too few relays took; the ones before it are out there.
      note(error.receipts ?? []);
      const perRelay = relays.map((relay) => `${relay} accepted ${pending.events.filter((e) => pending.accepted.has(`${relay} ${e.id}`)).length} of ${pending.events.length} event(s)`).join('; ');
      const some = pending.events.some((e) => relays.some((relay) => pending.accepted.has(`${relay} ${e.id}`)));
      status.textContent = some
        ? `Only partly published: ${perRelay}. ${error.message} "Finish sending" sends the same signed events again.`
        : `Signed, but no relay accepted it, so nothing was published: ${error.message} "Finish sending" tries the same signed events again.`;
      retry.hidden = false;
    } finally {
      client.close();
    }
  };

  retry.addEventListener('click', async () => {
    if (!pending || isBusy(retry)) return;
    setBusy(retry, true);
    setBusy(submit, true);
    status.textContent = 'Publishing the same signed events again…';
    try {
      await publish();
    } finally {
      setBusy(retry, false);
      setBusy(submit, false);
      // All sent, "Finish sending" hides (its focus falls to the page's body): a keyboard user on it
      // goes on to the form's own button.
      if (retry.hidden && [retry, document.body, null].includes(document.activeElement)) submit.focus();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Pressed again (or Enter in a field) while signing or publishing: one action at a time.
    if (isBusy(submit)) return;
    const patient = form.querySelector('nip82-npub-picker').value;
    const missing = !session.signer ? 'Sign in first.' : !patient ? 'Choose the patient first.' : '';
    if (missing) {
      status.textContent = missing;
      return;
    }
    // A new submission is a new action: what an earlier one left unsent is dropped, not mixed in.
    pending = undefined;
    retry.hidden = true;
    setBusy(submit, true);
    status.textContent = 'Signing…';
    const client = new RelayClient({ relays, signer: session.signer });
    try {
      const made = await run(patient, new FormData(form), client);
      pending = { events: made.events, done: made.done, accepted: new Set() };
    } catch (error) {
      status.textContent = `Nothing was published: ${error.message}`;
      return;
    } finally {
      client.close();
      setBusy(submit, false);
    }
    setBusy(submit, true);
    status.textContent = 'Publishing…';
    try {
      await publish();
    } finally {
      setBusy(submit, false);
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
  if (isBusy(exportButton)) return;
  const status = document.getElementById('consent-export-status');
  if (!session.signer) {
    status.textContent = 'Sign in first.';
    return;
  }
  setBusy(exportButton, true);
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
    setBusy(exportButton, false);
  }
});
