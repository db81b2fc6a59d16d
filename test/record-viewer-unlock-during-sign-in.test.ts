/**
 * The reader presses "Unlock my records" while the session is still signing them in (a signer slow
 * to say who the user is). The press began in a store of the viewer's own, which gives way to the
 * session's once the user is known: the press used to be lost there, the viewer back to its first
 * screen with nothing said. It now carries on in the session's store, for the same signer.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/session/define.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { buttonByText, text } from './element-helpers.js';
import { person, recordFor, relayUrl, signerWith } from './helpers.js';

describe('<nip82-record-viewer>: Unlock pressed while the session signs the user in', function () {
  this.timeout(60000);

  it('carries on once the user is known: the record shows', async () => {
    const relay = await relayUrl('main');
    const reader = await person();
    await recordFor(relay, reader);
    let release!: () => void;
    const known = new Promise<void>((resolve) => { release = resolve; });
    const slow = signerWith(reader.signer, { getPublicKey: async () => { await known; return reader.signer.getPublicKey(); } });
    const session = await fixture<HTMLElement>(html`<nip82-session relays=${relay} .signer=${slow}><nip82-record-viewer></nip82-record-viewer></nip82-session>`);
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await viewer.updateComplete;
    buttonByText(viewer, 'Unlock my records')!.click();
    release();
    await waitUntil(() => viewer.status === 'done' && text(viewer.shadowRoot).includes('Penicillin'), 'the press was lost', { timeout: 30000 });
    expect(text(viewer.shadowRoot)).not.to.contain('Unlock my records');
  });
});
