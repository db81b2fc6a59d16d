/**
 * A single-page app shows the access list on one of its routes, and builds it anew each time the
 * patient goes back there. The people's names were looked up the first time: each return shows
 * them at once, without asking the storage servers for the same profiles again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import { person, profileEvent, relayRequests, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, root, text } from './element-helpers.js';
import { namesLookedUp } from '../components/shared/profiles.js';

describe('an access list built anew on each visit to its route', function () {
  this.timeout(60000);

  it('names the people at once on the second visit, asking the servers nothing again', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll([await profileEvent(clinician, 'Harbor Clinic') as NostrEvent]);
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}></nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
    const visit = () => {
      const el = document.createElement('nip82-access-list') as Nip82AccessList;
      session.append(el);
      return el;
    };

    const first = visit();
    await first.updateComplete;
    buttonByText(first, 'Unlock my records')!.click();
    await waitUntil(() => text(root(first)).includes('Harbor Clinic'), 'the name never shown');
    first.remove();
    const asked = (await relayRequests('main', clinician.pubkey)).filter((filters) => filters.some((f) => (f.kinds as number[] | undefined)?.includes(0))).length;

    const second = visit();
    await waitUntil(() => text(root(second)).includes('can view'), 'the list never shown');
    await second.updateComplete;
    expect(text(root(second)), 'the list as it is first shown').to.contain('Harbor Clinic');
    const askedAgain = (await relayRequests('main', clinician.pubkey)).filter((filters) => filters.some((f) => (f.kinds as number[] | undefined)?.includes(0))).length;
    expect(askedAgain, 'profile lookups of the same person').to.equal(asked);

    // Signed out: the names kept for the session go at once, not at the next user's first lookup.
    const store = (second as unknown as { currentStore: Parameters<typeof namesLookedUp>[0] }).currentStore;
    const kept = namesLookedUp(store);
    expect([...kept.values()].map((n) => JSON.stringify(n)).join(' ')).to.contain('Harbor Clinic');
    await session.signOut();
    await waitUntil(() => kept.size === 0, 'the names looked up stayed after the sign-out');
  });
});
