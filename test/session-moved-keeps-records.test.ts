/**
 * A single-page app moves the session on the page (its layout puts the page's content in another
 * container) while the user reads their records. A move is not a departure: the records stay
 * unlocked and shown, and the signer is not asked again. Taken off the page for good, the
 * session's records are closed, their keys wiped, as before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { counting, person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, root, text } from './element-helpers.js';

describe('a session moved on the page', function () {
  this.timeout(60000);

  it('keeps the records unlocked and shown, asking the signer nothing again; removed, it closes them', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    } finally {
      client.close();
    }
    const signer = counting(patient.signer);
    const page = await fixture<HTMLElement>(html`<div><div id="narrow"><nip82-session relays=${url} .signer=${signer}>
      <nip82-record-viewer></nip82-record-viewer>
    </nip82-session></div><div id="wide"></div></div>`);
    const session = page.querySelector('nip82-session') as Nip82Session;
    await waitUntil(() => session.pubkey === patient.pubkey, 'never signed in');
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    await viewer.updateComplete;
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'the records never opened');
    const asked = signer.calls.nip44Decrypt ?? 0;
    const store = (session as unknown as { value?: { store?: { isClosed: boolean } } }).value?.store;

    page.querySelector('#wide')!.append(session);
    await session.updateComplete;
    await viewer.updateComplete;
    expect(text(root(viewer)), 'what the viewer shows after the move').to.contain('1 record unlocked');
    expect(!!buttonByText(viewer, 'Unlock my records'), 'asked to unlock again').to.equal(false);
    expect(signer.calls.nip44Decrypt ?? 0, 'decrypts asked of the signer').to.equal(asked);
    expect(store?.isClosed, 'the records closed').to.equal(false);

    session.remove();
    await waitUntil(() => store?.isClosed, 'the records stayed open with the session off the page');
  });
});
