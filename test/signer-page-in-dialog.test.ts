/**
 * A remote signer that answers a call with a page to confirm on (NIP-46 `auth_url`) while an
 * element's modal dialog is open (the consent prompt's, the access list's): the session's link is
 * behind the dialog's backdrop, so the dialog shows the same link beside its status, a screen
 * reader hears of it (the modal hides the session's own announcement), and a finger can tap it at
 * 320 px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import type { TemplateResult } from 'lit';
import '../components/session/define.js';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type Participant } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { secretKeySigner } from '../components/core/signers/secret-key.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';
import { runRemoteSigner } from './remote-signer.js';
import { waitUntil } from './wait.js';

const bunkerAddress = (pubkey: string, relay: string) => `bunker://${pubkey}?relay=${encodeURIComponent(relay)}`;
const AUTH_URL = 'https://signer.example/approve?request=7';

describe('the remote signer\'s page while an element\'s dialog is open', function () {
  this.timeout(60000);
  let relay: string;

  before(async () => {
    relay = await relayUrl('main');
    await setViewport({ width: 320, height: 640 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  /** A patient's record (published, listing `participants`), opened for them, and a remote signer for them that holds every signature and encryption behind its page. */
  async function patientWithPhone(participants: Participant[] = []) {
    const userKey = generateSecretKey();
    const pk = getPublicKey(userKey);
    const me = secretKeySigner(userKey);
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(pk)}`), author: me, participants });
    const client = new RelayClient({ relays: [relay] });
    try {
      await client.publishAll(events);
      const stored = (await client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events;
      const record = await openRecord(stored, me);
      const phone = runRemoteSigner(relay, generateSecretKey(), userKey, { hold: ['sign_event', 'nip44_encrypt'], authUrl: AUTH_URL });
      await phone.ready;
      return { pk, record, phone };
    } finally {
      client.close();
    }
  }

  /** A session around `inner`, signed in through the patient's remote signer. */
  async function signedIn(inner: TemplateResult, phone: { pubkey: string }, pk: string) {
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay}>${inner}</nip82-session>`);
    session.shadowRoot!.querySelector('details')!.open = true;
    await session.updateComplete;
    const field = session.shadowRoot!.querySelector('input[name="bunker"]') as HTMLInputElement;
    field.value = bunkerAddress(phone.pubkey, relay);
    field.dispatchEvent(new Event('input'));
    await session.updateComplete;
    (session.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => session.pubkey === pk, 'signed in', { timeout: 20000 });
    return session;
  }

  /**
   * The dialog's polite live region for the signer's page (not its status line): in the dialog,
   * empty, before the signer is asked, so that what arrives in it is announced.
   */
  function emptyRegion(el: HTMLElement): HTMLElement {
    const regions = $$(el, 'dialog [aria-live=polite]').filter((r) => r.getAttribute('role') !== 'status');
    expect(regions, 'one live region for the signer\'s page in the open dialog').to.have.length(1);
    expect(text(regions[0]), 'empty until the page arrives').to.equal('');
    return regions[0]!;
  }

  /** The page arrived inside the very region that was there before, which says it. */
  function announcedIn(region: HTMLElement, el: HTMLElement) {
    expect(region.isConnected, 'the region stayed in the dialog').to.equal(true);
    expect(region.contains($(el, 'dialog [part=signer-page]')), 'the page is inside the live region').to.equal(true);
    expect(text(region)).to.equal(
      'Your remote signer wants you to confirm on its own page, at signer.example, before it answers. Open that page, confirm there, then come back here. Open signer.example in a new tab',
    );
  }

  /** The page's link shows in `el`'s open dialog, in plain words, and a finger's tap at its place reaches it (not the backdrop). */
  async function tapsTheLink(el: HTMLElement) {
    const link = () => el.shadowRoot!.querySelector<HTMLAnchorElement>(`dialog [part=signer-page] a[href="${AUTH_URL}"]`);
    await waitUntil(link, 'the page is offered in the dialog', { timeout: 20000 });
    expect(text($(el, 'dialog [part=signer-page]'))).to.equal(
      'Your remote signer wants you to confirm on its own page, at signer.example, before it answers. Open that page, confirm there, then come back here. Open signer.example in a new tab',
    );
    expect(link()!.target).to.equal('_blank');
    expect(link()!.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
    let tapped = false;
    link()!.addEventListener('click', (event) => {
      tapped = true;
      // No new tab in the test run.
      event.preventDefault();
    });
    link()!.scrollIntoView({ block: 'center' });
    expect(link()!.getBoundingClientRect().right, 'the link fits the 320 px screen').to.be.at.most(320);
    // Its first line (a long host may wrap it).
    const box = link()!.getClientRects()[0]!;
    await sendMouse({ type: 'click', position: [Math.round(box.x + Math.min(20, box.width / 2)), Math.round(box.y + box.height / 2)] });
    await waitUntil(() => tapped, 'the tap reached the link');
  }

  it('consent prompt: the share dialog shows the link, a tap at 320 px reaches it, and it goes with the wait', async () => {
    const { pk, record, phone } = await patientWithPhone();
    const clinician = await person();
    try {
      const session = await signedIn(html`<nip82-consent-prompt .records=${[record]}></nip82-consent-prompt>`, phone, pk);
      const share = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
      await share.updateComplete;
      buttonByText(share, 'Share records…')!.click();
      await waitUntil(() => dialogOf(share).open, 'dialog opens');
      await typeRecipient(share, clinician.pubkey);
      buttonByText(share, 'Review')!.click();
      await share.updateComplete;
      expect($(share, '[part=signer-page]')).to.equal(null);
      const region = emptyRegion(share);
      buttonByText(share, /^Share with npub1/)!.click();
      await tapsTheLink(share);
      announcedIn(region, share);
      // Stopping the wait takes the link away with it: the dialog no longer waits for the signer.
      buttonByText(share, 'Stop waiting')!.click();
      await waitUntil(() => share.status === 'cancelled', 'stopped');
      await share.updateComplete;
      expect($(share, '[part=signer-page]')).to.equal(null);
    } finally {
      phone.close();
    }
  });

  it('access list: the revocation dialog shows the link, a tap at 320 px reaches it, and it goes with the wait', async () => {
    const clinician = await person();
    const family = await person();
    // An editor's revocation asks the patient's signer (to sign the notices to those who stay).
    const { pk, record, phone } = await patientWithPhone([{ pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }]);
    try {
      const session = await signedIn(html`<nip82-access-list .records=${[record]}></nip82-access-list>`, phone, pk);
      const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
      await waitUntil(() => $(list, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`), 'listed');
      $<HTMLButtonElement>(list, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
      await waitUntil(() => dialogOf(list).open, 'dialog opens');
      await list.updateComplete;
      expect($(list, '[part=signer-page]')).to.equal(null);
      const region = emptyRegion(list);
      $<HTMLButtonElement>(list, 'dialog button.danger')!.click();
      await tapsTheLink(list);
      announcedIn(region, list);
      // Stopping the wait takes the link away with it, and the dialog stays to say so.
      buttonByText(list, 'Stop waiting')!.click();
      await waitUntil(() => list.status === 'cancelled', 'stopped');
      await list.updateComplete;
      expect(dialogOf(list).open).to.equal(true);
      expect($(list, '[part=signer-page]')).to.equal(null);
    } finally {
      phone.close();
    }
  });
});
