/**
 * A shared computer, where the page itself opened the person's records and a request for them and
 * handed them in (`.records`, `.bundle`, `.request`): no store of the session holds them. The
 * person signs out. The next one at the screen must see nothing of theirs: not their records in
 * the viewer or the access list, not the clinic's request in the answer prompt. What the page
 * hands in at the sign-out itself (a sample for whoever comes next) is the next person's, and stays.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, receivedRequest, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { fakeExtension } from './fake-extension.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('what the page handed in for the person signed in, after they sign out', function () {
  this.timeout(90000);
  const relay = sharedRelayClient();
  afterEach(() => { delete (window as { nostr?: unknown }).nostr; });

  /** The session, signed in as `who` through the extension. */
  async function signedIn(who: Person, content: unknown) {
    const ext = fakeExtension(who.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay.url}>${content}</nip82-session>`);
    await waitUntil(() => buttonByText(session, /browser extension/)?.disabled === false, 'the extension was never offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === who.pubkey, 'never signed in');
    return session;
  }

  async function signOut(session: Nip82Session): Promise<void> {
    buttonByText(session, 'Sign out')!.click();
    await waitUntil(() => session.pubkey === undefined, 'never signed out');
  }

  it('the viewer, the answer prompt and the access list show nothing of the last person', async () => {
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(events);
    const record = await openRecord(events, patient.signer);
    const request = await receivedRequest(relay.client, patient, clinician);

    const session = await signedIn(patient, html`
      <nip82-record-viewer></nip82-record-viewer>
      <nip82-record-viewer class="bundle"></nip82-record-viewer>
      <nip82-consent-prompt mode="answer"></nip82-consent-prompt>
      <nip82-access-list></nip82-access-list>`);
    const [viewer, bundleViewer] = [...session.querySelectorAll<Nip82RecordViewer>('nip82-record-viewer')];
    const prompt = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    const access = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    // Opened by the page with the person's signer once they signed in, and handed in.
    viewer!.records = [record];
    bundleViewer!.bundle = sampleBundle();
    prompt.request = request;
    prompt.records = [record];
    access.records = [record];
    const seen = () => ({
      records: text(viewer!.shadowRoot).includes('Penicillin'),
      bundle: text(bundleViewer!.shadowRoot).includes('Penicillin'),
      request: $$(prompt, 'li.request').length > 0,
      access: $$(access, `[part=person][data-pubkey="${family.pubkey}"]`).length > 0,
    });
    await waitUntil(() => Object.values(seen()).every(Boolean), 'what the page handed in never showed', { timeout: 30000 });

    await signOut(session);
    await Promise.all([viewer!.updateComplete, bundleViewer!.updateComplete, prompt.updateComplete, access.updateComplete]);
    expect(seen()).to.deep.equal({ records: false, bundle: false, request: false, access: false });
    expect([viewer!.records, bundleViewer!.bundle, prompt.request, prompt.records, access.records]).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
  });

  it('a Bundle the page hands in as the person signs out is shown to whoever comes next', async () => {
    const [patient, other] = [await person(), await person()];
    const session = await signedIn(patient, html`<nip82-record-viewer></nip82-record-viewer>`);
    const viewer = session.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    viewer.bundle = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`);
    await waitUntil(() => text(viewer.shadowRoot).includes('Penicillin'), 'the person\'s Bundle never showed');

    // The page answers the sign-out at once with a sample, in the same task as the sign-out.
    const sample = sampleBundle(`nostr:${npubEncode(other.pubkey)}`);
    session.addEventListener('nip82-session-change', (e) => { if (!(e as CustomEvent<{ pubkey?: string }>).detail.pubkey) viewer.bundle = sample; });
    await signOut(session);
    await viewer.updateComplete;
    expect(viewer.bundle, 'the sample').to.equal(sample);
    expect(text(viewer.shadowRoot).includes('Penicillin'), 'the sample shown').to.equal(true);
  });
});
