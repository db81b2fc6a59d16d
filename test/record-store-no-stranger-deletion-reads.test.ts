/**
 * Anyone may publish record-kind events that list a patient (a `p` tag costs nothing), with no key
 * for them: such events are no record of the patient's, and opening the patient's records must
 * cost nothing more for them. Yet every load asks the relays, for each such sign key, for its
 * deletions: in groups of a hundred keys, each group a walk of up to 5,000 events and its own
 * 64 MB read budget. A stranger's twenty thousand free events make every unlock two hundred such
 * walks on every relay.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import { person, relayRequests, relayUrl, sampleBundle, asksForKind } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';

describe('a stranger\'s free record-kind events listing the patient', function () {
  this.timeout(120000);

  it('make an unlock ask the relays for no deletions by their keys', async () => {
    const relays = [await relayUrl('main')];
    const [patient, hospital] = [await person(), await person()];
    const client = new RelayClient({ relays });
    const strangers: string[] = [];
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }));
      // 250 events of the record kind, each under a key of its own, listing the patient and holding no key for them.
      const junk: NostrEvent[] = [];
      for (let i = 0; i < 250; i++) {
        const key = generateSecretKey();
        strangers.push(getPublicKey(key));
        junk.push(finalizeEvent({ kind: 32225, created_at: Math.floor(Date.now() / 1000), tags: [['d', `junk-${i}`], ['p', patient.pubkey]], content: 'x' }, key) as NostrEvent);
      }
      await client.publishAll(junk);
    } finally {
      client.close();
    }

    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')} no-controls>
      <nip82-record-viewer></nip82-record-viewer>
    </nip82-session>`);
    session.signer = patient.signer;
    await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => buttonByText(viewer, 'Unlock my records'), 'no way to unlock');
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => text(viewer.shadowRoot).includes('Penicillin'), 'the patient\'s record never showed', { timeout: 30000 });

    // Which strangers' keys the relay was asked about, for deletions, during the unlock.
    const askedAbout: string[] = [];
    for (const stranger of strangers) if (asksForKind(await relayRequests('main', stranger), 5)) askedAbout.push(stranger);
    expect({ strangersAskedAboutForDeletions: askedAbout.length }).to.deep.equal({ strangersAskedAboutForDeletions: 0 });
  });
});
