// The patient portal's own code: sign in, preset whom to share with, and listen to the elements.
import { logActivity, short, showParts, signIn } from './portal.js';

const session = document.querySelector('nip82-session');
const { people } = await signIn(session);
logActivity(document.getElementById('main'), document.getElementById('log'), people);
showParts(document.querySelector('nip82-record-viewer'), document.getElementById('parts'));

// The share dialog starts with the chosen recipient; any npub can still be pasted there.
const prompt = document.querySelector('nip82-consent-prompt[mode="share"]');
const shareWith = document.getElementById('share-with');
for (const role of ['clinic', 'family']) {
  const person = people[role];
  if (person) shareWith.append(new Option(`${person.name}, ${short(person.npub)}`, person.npub));
}
shareWith.append(new Option('Someone else (paste their npub in the dialog)', ''));
const preset = () => { prompt.recipient = shareWith.value || undefined; };
shareWith.addEventListener('change', preset);
preset();
