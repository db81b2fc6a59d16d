/**
 * A patient adds a storage server in the portal's settings while signed in (the session's `relays`
 * change live). Their records stay theirs: unlocking them again on the new list asks their signer
 * nothing for a record it already opened this session.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { counting, person, relayUrl, sampleBundle } from './helpers.js';
import { $$, buttonByText } from './element-helpers.js';
import { waitUntil } from './wait.js';

const shown = (viewer: Element) => $$(viewer, 'article[part=record]').length;

describe('<nip82-session>: a storage server added while signed in', function () {
  this.timeout(60000);

  it('unlocking again on the longer list opens the record without asking the signer again', async () => {
    const [main, second] = [await relayUrl('main'), await relayUrl('second')];
    const patient = await person();
    const client = new RelayClient({ relays: [second] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    } finally {
      client.close();
    }
    const signer = counting(patient.signer);
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${second} .signer=${signer}><nip82-record-viewer></nip82-record-viewer></nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => buttonByText(viewer, 'Unlock my records'), 'unlock offered');
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => shown(viewer) === 1 && viewer.status === 'done', 'the record shown', { timeout: 30000 });
    const asked = { ...signer.calls };

    session.relays = [second, main];
    await waitUntil(() => shown(viewer) === 0 && buttonByText(viewer, 'Unlock my records'), 'the viewer follows the new list');
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => shown(viewer) === 1 && viewer.status === 'done', 'the record shown again', { timeout: 30000 });
    expect(signer.calls.nip44Decrypt ?? 0, 'signer decrypt prompts').to.equal(asked.nip44Decrypt ?? 0);
    expect(signer.calls.signEvent ?? 0, 'signer signing prompts').to.equal(asked.signEvent ?? 0);
  });
});
