/**
 * The viewer and two things a page does while an unlock runs: it takes the viewer off the page and
 * puts it back (a tab or route switch), or it gives the viewer a record's address. Put back, the
 * viewer is not left "Waiting for your signer" with its Unlock button busy for good; given an
 * address, it shows that record only, not every record it showed before, nor every record an
 * unlock still running would bring.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode, naddrEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Person } from './helpers.js';
import { person, relayUrl, sampleBundle, heldDecrypt } from './helpers.js';
import { $, $$, buttonByText, text } from './element-helpers.js';

/** Two records shared with `patient` by two hospitals; the address of the first. */
async function twoRecords(url: string, patient: Person): Promise<string> {
  const client = new RelayClient({ relays: [url] });
  try {
    const one = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: (await person()).signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] });
    await client.publishAll(one);
    await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: (await person()).signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] }));
    return naddrEncode({ kind: RECORD_KIND, pubkey: one[0]!.pubkey, identifier: one[0]!.tags.find((t) => t[0] === 'd')![1]! });
  } finally {
    client.close();
  }
}

const shown = (viewer: Element) => $$(viewer, 'article[part=record]').length;
const busy = (viewer: Nip82RecordViewer) => viewer.status === 'waiting-signer' || viewer.status === 'working';

describe('the viewer taken off the page, or given an address, while it unlocks', function () {
  this.timeout(60000);

  it('taken off the page while its own signer is asked, and put back: Unlock works again', async () => {
    const url = await relayUrl('main');
    const reader = await person();
    await twoRecords(url, reader);
    const held = heldDecrypt(reader.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${url} .signer=${held.signer}></nip82-record-viewer>`);
    const parent = el.parentElement!;
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(held.asked, 'the signer is asked');
    el.remove();
    held.release();
    // The unlock ends while the viewer is off the page: it no longer says it waits.
    await waitUntil(() => !busy(el), 'no longer waiting');
    parent.append(el);
    await el.updateComplete;
    expect(text(el.shadowRoot)).not.to.contain('Waiting for your signer');
    const unlock = $(el, 'button.unlock')!;
    expect(unlock.getAttribute('aria-disabled')).to.equal('false');
    unlock.click();
    await waitUntil(() => shown(el) === 2, 'both records shown', { timeout: 30000 });
  });

  it('given an address after every record was shown: only that record is offered', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const naddr = await twoRecords(url, patient);
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
      <nip82-record-viewer></nip82-record-viewer>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await viewer.updateComplete;
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => shown(viewer) === 2, 'both shown', { timeout: 30000 });
    viewer.naddr = naddr;
    await viewer.updateComplete;
    expect(shown(viewer)).to.equal(0);
    buttonByText(viewer, /Unlock/)!.click();
    await waitUntil(() => shown(viewer) === 1 && viewer.status === 'done', 'the one record shown', { timeout: 30000 });
  });

  it('given an address while every record is being unlocked: that unlock shows nothing', async () => {
    const url = await relayUrl('main');
    const patient = await person();
    const naddr = await twoRecords(url, patient);
    const held = heldDecrypt(patient.signer);
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${held.signer}>
      <nip82-record-viewer></nip82-record-viewer>
      <nip82-record-viewer class="witness"></nip82-record-viewer>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const [viewer, witness] = [...session.querySelectorAll<Nip82RecordViewer>('nip82-record-viewer')] as [Nip82RecordViewer, Nip82RecordViewer];
    await viewer.updateComplete;
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(held.asked, 'the signer is asked');
    viewer.naddr = naddr;
    await viewer.updateComplete;
    held.release();
    // The other viewer of the session shows the load's records once it is done.
    await waitUntil(() => shown(witness) === 2 && !busy(viewer), 'the load is done', { timeout: 30000 });
    await viewer.updateComplete;
    expect(shown(viewer)).to.equal(0);
    expect(buttonByText(viewer, /Unlock/)?.getAttribute('aria-disabled')).to.equal('false');
  });
});
