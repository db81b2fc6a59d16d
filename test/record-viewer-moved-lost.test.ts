/**
 * A record opened by an address its owner moved away from follows the owner's notice with a part of
 * the page fetched then (relay/moved.ts). When the page's server cannot give it, the fetch fails for
 * real here (scripts/wtr-lost-module-plugin.mjs): the viewer says the records are not shown and to
 * try again, as a part that could not be loaded (`part-unavailable`), not that something went wrong;
 * once the connection is back, "Try again" follows the move and shows the record.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { naddrEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const MOVED_MODULE = '/components/core/relay/moved';
const said = (el: Element) => text(el.shadowRoot!.querySelector('[role=status]'));

describe('<nip82-record-viewer> when the part that follows a moved record could not be fetched', function () {
  this.timeout(60000);

  it('says the records are not shown and to try again; once the connection is back, "Try again" shows the record where it went', async () => {
    await executeServerCommand('lose-module', { path: MOVED_MODULE });
    const relay = await relayUrl('main');
    const client = new RelayClient({ relays: [relay] });
    const [owner, removed, reader] = [await person(), await person(), await person()];
    let old: string;
    try {
      const events = await createRecord({ bundle: sampleBundle(), author: owner.signer, participants: [{ pubkey: removed.pubkey, role: 'editor' }, { pubkey: reader.pubkey, role: 'viewer' }] });
      await client.publishAll(events);
      const opened = await openRecord(events, owner.signer);
      await client.publishAll((await revokeAccess(opened, removed.pubkey, { notify: owner.signer, relays: [relay] })).events);
      old = naddrEncode({ kind: 32225, pubkey: opened.signPubkey, identifier: opened.identifiers[0]! });
    } finally {
      client.close();
    }
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay} naddr=${old} .signer=${reader.signer}></nip82-record-viewer>`);
    const codes: string[] = [];
    el.addEventListener('nip82-error', (e) => codes.push((e as Nip82Event<'nip82-error'>).detail.code));
    buttonByText(el, /^Unlock/)!.click();
    await waitUntil(() => el.status === 'relay-error' || el.status === 'done' || el.status === 'bad-data', `status ${el.status}`, { timeout: 20000 });
    await el.updateComplete;
    expect(codes).to.deep.equal(['part-unavailable']);
    expect(said(el)).to.equal('Part of this page could not be loaded, so your records are not shown. Check your internet connection, then try again.');

    await executeServerCommand('find-module', { path: MOVED_MODULE });
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => el.status === 'done', `status ${el.status}: ${said(el)}`, { timeout: 20000 });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Penicillin');
  });
});
