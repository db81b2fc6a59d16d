/**
 * A shared computer: the first person reads their records in the timeline, keeping only items
 * signed by someone other than the patient, and signs out. The next person signs in and unlocks
 * their own records. The choices of how to see the last person's records (as their search and
 * section filters already are) must not carry over: the next person sees their records whole, in
 * the view the page set, not hidden behind the last person's filter.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, $$, buttonByText, text } from './element-helpers.js';

describe('the record viewer\'s view choices after a sign-out', function () {
  this.timeout(90000);

  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  it('the next person sees their own records whole, in the summary, not through the last person\'s "signed by others" filter and timeline', async () => {
    const relays = [await relayUrl('main')];
    const [a, b, hospital] = [await person(), await person(), await person()];
    const client = new RelayClient({ relays });
    try {
      // The first person's record, from the hospital; the next person's, entered by themselves.
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(a.pubkey)}`), author: hospital.signer, participants: [{ pubkey: a.pubkey, role: 'editor' }] }));
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(b.pubkey)}`), author: b.signer, participants: [{ pubkey: b.pubkey, role: 'editor' }] }));
    } finally {
      client.close();
    }
    const ext = fakeExtension(a.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}>
      <nip82-record-viewer></nip82-record-viewer>
    </nip82-session>`);
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => buttonByText(session, /browser extension/)?.disabled === false, 'the extension was never offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'the first person never signed in');
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => text(viewer.shadowRoot).includes('Penicillin'), 'the first person\'s records never showed', { timeout: 30000 });

    // The first person's choices of how to read their records.
    await waitUntil(() => $(viewer, 'label.signed-only input'), 'no "signed by others" filter offered');
    $<HTMLInputElement>(viewer, 'label.signed-only input')!.click();
    buttonByText(viewer, 'Timeline')!.click();
    await viewer.updateComplete;
    expect([viewer.signedOnly, viewer.mode]).to.deep.equal([true, 'timeline']);

    buttonByText(session, 'Sign out')!.click();
    await waitUntil(() => session.pubkey === undefined, 'never signed out');
    ext.use(b.signer);
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === b.pubkey, 'the next person never signed in');
    await waitUntil(() => buttonByText(viewer, 'Unlock my records'), 'no way to unlock');
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done' && $$(viewer, '.count').length > 0, 'the next person\'s records never showed', { timeout: 30000 });
    await viewer.updateComplete;

    expect({
      signedOnly: viewer.signedOnly,
      mode: viewer.mode,
      count: text($(viewer, '.count')),
      penicillinShown: text(viewer.shadowRoot).includes('Penicillin'),
    }).to.deep.equal({ signedOnly: false, mode: 'summary', count: 'Showing 4 of 4 items', penicillinShown: true });
  });
});
