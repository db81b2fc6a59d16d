/**
 * A remote signer that answers a call with a page to confirm on (NIP-46 `auth_url`) while the
 * consent prompt's modal dialog is open: the session's link is behind the dialog's backdrop, so the
 * dialog shows the same link beside its status, and a finger can tap it at 320 px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/session/define.js';
import '../components/consent-prompt/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { secretKeySigner } from '../components/core/signers/secret-key.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';
import { runRemoteSigner } from './remote-signer.js';
import { waitUntil } from './wait.js';

const bunkerAddress = (pubkey: string, relay: string) => `bunker://${pubkey}?relay=${encodeURIComponent(relay)}`;

describe('<nip82-consent-prompt>: the remote signer\'s page while the dialog is open', function () {
  this.timeout(60000);

  after(() => setViewport({ width: 800, height: 600 }));

  it('the dialog shows the page\'s link beside its status, and a tap on it at 320 px reaches it', async () => {
    await setViewport({ width: 320, height: 640 });
    const relay = await relayUrl('main');
    const userKey = generateSecretKey();
    const pk = getPublicKey(userKey);
    const me = secretKeySigner(userKey);
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(pk)}`), author: me, participants: [] }), me);
    const clinician = await person();
    const authUrl = 'https://signer.example/approve?request=7';
    const phone = runRemoteSigner(relay, generateSecretKey(), userKey, { hold: ['sign_event'], authUrl });
    await phone.ready;
    try {
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay}><nip82-consent-prompt .records=${[record]}></nip82-consent-prompt></nip82-session>`);
      session.shadowRoot!.querySelector('details')!.open = true;
      await session.updateComplete;
      const field = session.shadowRoot!.querySelector('input[name="bunker"]') as HTMLInputElement;
      field.value = bunkerAddress(phone.pubkey, relay);
      field.dispatchEvent(new Event('input'));
      await session.updateComplete;
      (session.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
      await waitUntil(() => session.pubkey === pk, 'signed in', { timeout: 20000 });

      const share = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
      await share.updateComplete;
      buttonByText(share, 'Share records…')!.click();
      await waitUntil(() => dialogOf(share).open, 'dialog opens');
      await typeRecipient(share, clinician.pubkey);
      buttonByText(share, 'Review')!.click();
      await share.updateComplete;
      expect($(share, '[part=signer-page]')).to.equal(null);
      buttonByText(share, /^Share with npub1/)!.click();

      const link = () => share.shadowRoot!.querySelector<HTMLAnchorElement>(`dialog [part=signer-page] a[href="${authUrl}"]`);
      await waitUntil(link, 'the page is offered in the dialog', { timeout: 20000 });
      expect(text($(share, '[part=signer-page]'))).to.equal(
        'Your remote signer wants you to confirm on its own page, at signer.example, before it answers. Open that page, confirm there, then come back here. Open signer.example in a new tab',
      );
      expect(link()!.target).to.equal('_blank');
      expect(link()!.rel).to.contain('noopener');
      await expect(share).to.be.accessible();

      // A finger's tap, at the link's place on the screen, reaches the link (not the backdrop).
      let tapped = false;
      link()!.addEventListener('click', (event) => {
        tapped = true;
        // No new tab in the test run.
        event.preventDefault();
      });
      link()!.scrollIntoView({ block: 'center' });
      // Its first line (a long host may wrap it).
      const box = link()!.getClientRects()[0]!;
      expect(link()!.getBoundingClientRect().right, 'the link fits the 320 px screen').to.be.at.most(320);
      await sendMouse({ type: 'click', position: [Math.round(box.x + Math.min(20, box.width / 2)), Math.round(box.y + box.height / 2)] });
      await waitUntil(() => tapped, 'the tap reached the link');

      // Stopping the wait takes the link away with it: the dialog no longer waits for the signer.
      buttonByText(share, 'Stop waiting')!.click();
      await waitUntil(() => share.status === 'cancelled', 'stopped');
      await share.updateComplete;
      expect($(share, '[part=signer-page]')).to.equal(null);
    } finally {
      phone.close();
    }
  });
});
