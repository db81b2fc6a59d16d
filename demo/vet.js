// The vet clinic site's own code: the owner shares with the kennel; the kennel only reads.
import { logActivity, short, signIn } from './portal.js';

const session = document.querySelector('nip82-session');
const { people, pubkey, viaExtension } = await signIn(session);
logActivity(document.getElementById('main'), document.getElementById('log'), people);

// The demo owner shares with the demo kennel; someone signed in with their own key chooses for themselves.
const kennel = people.kennel;
if (viaExtension) {
  document.getElementById('kennel-name').textContent = 'the person you choose in the dialog (you signed in with your own key, so the demo kennel is not chosen for you)';
} else if (kennel) {
  document.querySelector('nip82-consent-prompt[mode="share"]').recipient = kennel.npub;
  document.getElementById('kennel-name').textContent = `${kennel.name} (${short(kennel.npub)})`;
}
// The kennel only reads what it was sent: sharing and access are for the owner (and the vet).
const reader = !!pubkey && pubkey === kennel?.pubkey;
document.getElementById('share-section').hidden = reader;
document.getElementById('access-section').hidden = reader;
// The page's viewer speaks to clinicians (the vet, the kennel: records shared with them); the owner
// reads their own pet's records in a patient's words.
if (pubkey && pubkey === people.owner?.pubkey) document.querySelector('nip82-record-viewer').audience = 'patient';
