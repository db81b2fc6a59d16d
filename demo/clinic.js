// The clinic EHR's own code. Publishing a visit and requesting access use the kit's core directly
// (no element does those: an EHR has its own forms); opening shares is <nip82-record-viewer>'s job.
import {
  RelayClient, consentHistoryBundle, createAccessRequest, createBundle, createRecord, nostrIdentifier, sessionContext,
} from '/dist/cdn/nip82-elements.js';
import { logActivity, npubOf, short, signIn } from './portal.js';

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
function handle(formId, run, check = () => true) {
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
      // In the words the rest of the page (and the elements) use: storage servers, not the protocol's names.
      status.textContent = `${pending.done} ${reached} of ${relays.length} ${relays.length === 1 ? 'storage server' : 'storage servers'} accepted it.`;
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
    // A field the action cannot use is said at the field, before anything is signed. The line of an
    // earlier action goes (it is not this one's), unless its "Finish sending" is still to be pressed.
    if (!check(form)) {
      if (!pending) status.textContent = '';
      return;
    }
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

/**
 * The days asked for: a whole number from 1 to 365, or undefined after saying so at the field. A
 * blank or 0 must not become a request with no end date.
 */
function requestDays(form) {
  const input = form.querySelector('#request-days');
  const message = form.querySelector('#request-days-error');
  const raw = input.value.trim();
  const days = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  const valid = days >= 1 && days <= 365;
  message.textContent = valid ? '' : 'Enter a number of days from 1 to 365';
  message.hidden = valid;
  if (valid) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    return days;
  }
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', message.id);
  input.focus();
  return undefined;
}

handle('request-form', async (patient, form, client) => ({
  events: (await createAccessRequest({
    signer: session.signer, patient, resourceTypes: form.getAll('type'), purpose: String(form.get('purpose')),
    days: requestDays(document.getElementById('request-form')), maxEventBytes: await client.maxEventBytes(),
  })).events,
  done: 'Request sent; the patient will see it in their portal.',
}), (form) => requestDays(form) !== undefined);

/**
 * The session's one store (the elements' too), asked of <nip82-session> as its elements ask it (the
 * context protocol): the consent messages read here are read once per session, within its limits.
 * Right after sign-in the session may still be asking the signer who this is: waits a little.
 */
async function sessionValue() {
  for (let tries = 0; tries < 50; tries++) {
    let value;
    const request = new Event('context-request', { bubbles: true, composed: true });
    Object.assign(request, { context: sessionContext, contextTarget: exportButton, callback: (v) => { value = v; }, subscribe: false });
    exportButton.dispatchEvent(request);
    if (value?.store || !session.signer) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Why the messages read are not all there is, in words, or '' when they are. */
function notComplete(store) {
  const parts = [];
  if (store.unreadMail > 0) {
    parts.push(`${store.unreadMail} more ${store.unreadMail === 1 ? 'message is' : 'messages are'} not read yet; press again to read them`);
  }
  const silent = store.mailReports.filter((r) => r.status !== 'complete' && r.status !== 'incomplete').map((r) => r.relay);
  if (silent.length) parts.push(`${silent.length === 1 ? 'storage server' : 'storage servers'} ${silent.join(', ')} did not answer`);
  if (!parts.length && store.olderMailUnchecked) parts.push('older messages are not checked yet; press again to check them');
  return parts.length ? ` Not complete: ${parts.join('; ')}.` : '';
}

/**
 * Reads the session's consent messages (again, with `refresh`): only wraps not opened before, at
 * most the store's limit per read. Returns the store and who the clinic is, or says why not.
 */
async function readMail(status, refresh) {
  const value = await sessionValue();
  if (!value?.store || !value.pubkey) {
    status.textContent = 'Sign in first.';
    return undefined;
  }
  await value.store.readMail({ refresh });
  return { store: value.store, me: value.pubkey };
}

const exportButton = document.getElementById('consent-export');
const answersButton = document.getElementById('check-answers');
const answersList = document.getElementById('answers');

/** The kinds of records, in the form's own words. */
const kindWords = Object.fromEntries([...document.querySelectorAll('#request-form input[name="type"]')]
  .map((box) => [box.value, box.closest('label').textContent.trim()]));
const kindsText = (types) => types.map((t) => kindWords[t] ?? t.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()).join(', ') || 'nothing';
/** A day as the elements write it ("Jan 6, 2027"), so the list and the viewer read alike. */
const dayOf = (date) => date.toLocaleDateString(undefined, { dateStyle: 'medium' });
/**
 * When a request or a grant ends. A grant left as asked ends at the asked hour, not the day's end:
 * said with that hour, as the viewer says it, so the clinic does not count on the rest of the day.
 */
const untilText = (period) => {
  const end = period?.end ? new Date(period.end) : undefined;
  if (!end || Number.isNaN(end.getTime())) return 'with no end date';
  const dayEnd = end.getHours() === 23 && end.getMinutes() === 59;
  return `until ${dayEnd ? dayOf(end) : end.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
};
const nameOf = (pubkey) => session.knownNames?.[pubkey] ?? short(npubOf(pubkey));

/**
 * One line per request the clinic sent, newest first, with the patient's answer, if any. Each says
 * when it was asked and why, so that two requests to one patient are told apart. While messages are
 * left unread (or a storage server did not answer), a request without an answer read says so: its
 * answer may be among them.
 */
function showAnswers(store, me) {
  const messages = store.messages;
  const complete = !notComplete(store);
  const sent = messages.filter((m) => m.status === 'proposed' && m.from === me && m.requester === me);
  answersList.replaceChildren(...sent.map((request) => {
    // The patient's own answer to this request (newest first): one signed by anyone else is not theirs to give.
    const answer = messages.find((m) => m.answers === request.id && m.from === request.patient && m.status !== 'proposed');
    const item = document.createElement('li');
    const said = !answer
      ? complete ? 'No answer yet' : 'No answer read yet (not every message was read)'
      : answer.status === 'active'
        ? `Approved (${kindsText(answer.resourceTypes)}, ${untilText(answer.period)})`
        : 'Denied';
    const asked = `asked ${dayOf(new Date(request.createdAt * 1000))}${request.purpose ? ` for “${request.purpose}”` : ''}`;
    item.textContent = `${nameOf(request.patient)}: ${kindsText(request.resourceTypes)}, ${untilText(request.period)}, ${asked}. ${said}.`;
    if (answer?.note) {
      const note = document.createElement('p');
      note.className = 'help';
      note.textContent = `The patient wrote: “${answer.note}”`;
      item.append(note);
    }
    return item;
  }));
  return sent.length;
}

answersButton.addEventListener('click', async () => {
  if (isBusy(answersButton)) return;
  const status = document.getElementById('answers-status');
  setBusy(answersButton, true);
  status.textContent = 'Checking for answers…';
  try {
    const read = await readMail(status, true);
    if (!read) return;
    const count = showAnswers(read.store, read.me);
    status.textContent = `${count === 0 ? 'No requests sent yet.' : count === 1 ? '1 request sent.' : `${count} requests sent.`}${notComplete(read.store)}`;
  } catch (error) {
    status.textContent = `The answers could not be checked: ${error.message}`;
  } finally {
    setBusy(answersButton, false);
  }
});

// The consent history as the EHR files it: the clinic's own copies of its requests and the answers
// it received, as one FHIR Bundle. Read through the session's store, which opens at most its limit
// of messages per read (each costs signer calls: an extension would ask for every one).
exportButton.addEventListener('click', async () => {
  if (isBusy(exportButton)) return;
  const status = document.getElementById('consent-export-status');
  setBusy(exportButton, true);
  status.textContent = 'Reading requests and answers…';
  try {
    const read = await readMail(status, true);
    if (!read) return;
    const messages = read.store.messages;
    const bundle = consentHistoryBundle(messages);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }));
    link.download = `consent-history-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    showAnswers(read.store, read.me);
    const count = messages.length === 1 ? '1 request or answer' : `${messages.length} requests and answers`;
    status.textContent = `Downloaded ${count}.${notComplete(read.store)}`;
  } catch (error) {
    status.textContent = `Nothing was downloaded: ${error.message}`;
  } finally {
    setBusy(exportButton, false);
  }
});
