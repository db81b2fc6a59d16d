/**
 * A single-page app shows the record viewer on one of its routes, and builds it anew each time the
 * patient goes back there. The records' authors were named the first time: each return names them
 * at once, without asking the storage servers for the same profiles again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { NostrEvent } from '../components/core/events.js';
import { person, profileEvent, relayRequests, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, root, text } from './element-helpers.js';

const profileLookups = async (pubkey: string) =>
  (await relayRequests('main', pubkey)).filter((filters) => filters.some((f) => (f.kinds as number[] | undefined)?.includes(0))).length;

describe('a record viewer built anew on each visit to its route', function () {
  this.timeout(60000);

  it('names the record\'s author at once on the second visit, asking the servers nothing again', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll([await profileEvent(clinician, 'Harbor Clinic') as NostrEvent]);
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: clinician.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}></nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
    const visit = () => {
      const el = document.createElement('nip82-record-viewer') as Nip82RecordViewer;
      session.append(el);
      return el;
    };

    const first = visit();
    await first.updateComplete;
    buttonByText(first, 'Unlock my records')!.click();
    await waitUntil(() => text(root(first)).includes('Harbor Clinic'), 'the author never named');
    first.remove();
    const asked = await profileLookups(clinician.pubkey);

    const second = visit();
    await second.updateComplete;
    expect(text(root(second)), 'the record as it is first shown').to.contain('Harbor Clinic');
    // Any lookup the new viewer would make has gone out once its Task ran.
    await second.updateComplete;
    expect(await profileLookups(clinician.pubkey), 'profile lookups of the same author').to.equal(asked);
  });
});
