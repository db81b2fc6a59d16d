/**
 * A bundle importing an element before the session (`import 'nip82-elements/record-viewer/define.js'`
 * first, `…/session/define.js` after), or a session whose code arrives last: the element, already on
 * the page and having asked for its session in vain, joins the session once it is defined. The
 * user signed in in the bar unlocks their records in the viewer.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';

describe('an element defined before its session', function () {
  this.timeout(40000);

  it('a viewer on the page before <nip82-session> is defined joins the session: the signed-in user\'s records unlock in it', async () => {
    expect(customElements.get('nip82-session'), 'the session is not defined yet').to.equal(undefined);
    const [relays, patient] = [await relayUrl('main'), await person()];
    const client = new RelayClient({ relays: [relays] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }));
    } finally {
      client.close();
    }
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays} .signer=${patient.signer}>
      <nip82-record-viewer></nip82-record-viewer>
    </nip82-session>`);
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await viewer.updateComplete;
    await import('../components/session/define.js');
    await waitUntil(() => session.pubkey === patient.pubkey, 'the session never signed in');
    await waitUntil(() => buttonByText(viewer, 'Unlock my records'), 'no way to unlock');
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => text(viewer.shadowRoot).includes('Penicillin') || viewer.status === 'no-signer', 'the records never showed', { timeout: 30000 });
    expect(viewer.status, `the viewer says: ${text(viewer.shadowRoot)}`).not.to.equal('no-signer');
    expect(text(viewer.shadowRoot)).to.contain('Penicillin');
  });
});
