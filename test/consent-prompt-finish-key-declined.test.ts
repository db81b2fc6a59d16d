/**
 * A share went out only in part, inside a session. Back on the page after a visit elsewhere (to
 * unlock the extension, to check the network), the patient presses "Finish sending": the signer is
 * first asked which account it holds, and the patient declines that question (or it times out).
 * What already went out is still said (never "nothing was shared"), the way to finish stays, and
 * the keyboard's focus stays on it.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, person, relayAcceptsOnly, relayUrl } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { $, buttonByText, dialogOf, root, text, typeRecipient } from './element-helpers.js';

describe('consent prompt: finishing a half-sent share when the account question is declined', function () {
  this.timeout(120000);
  afterEach(async () => {
    delete (window as { nostr?: unknown }).nostr;
    await relayAcceptsOnly('picky', null);
  });

  for (const where of ['page', 'dialog'] as const) {
    it(`${where}: what went out is still said, "Finish sending" stays, and focus stays on it`, async () => {
      const picky = await relayUrl('picky');
      const [patient, clinician] = [await person(), await person()];
      // Large enough to be shared in several parts, so that one can go out and the rest not.
      const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
      const client = new RelayClient({ relays: [picky] });
      try {
        await client.publishAll(await createRecord({ bundle, author: patient.signer, participants: [] }));
      } finally { client.close(); }
      const ext = fakeExtension(patient.signer);
      (window as { nostr?: Nip07Provider }).nostr = ext.provider;
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${picky}><nip82-consent-prompt></nip82-consent-prompt></nip82-session>`);
      await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
      buttonByText(session, /browser extension/)!.click();
      await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
      const el = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
      await el.updateComplete;
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 30000 });
      await el.updateComplete;
      buttonByText(el, 'Share records…')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await typeRecipient(el, clinician.pubkey);
      buttonByText(el, 'Review')!.click();
      await el.updateComplete;
      await relayAcceptsOnly('picky', 1);
      buttonByText(el, /^Share with npub1/)!.click();
      await waitUntil(() => el.status === 'relay-error', 'stopped half way', { timeout: 30000 });
      await el.updateComplete;
      const partly = text($(el, 'dialog [role=status]'));
      expect(partly).to.match(/^Only part of this went out\./);
      if (where === 'page') {
        const closed = oneEvent(dialogOf(el), 'close');
        buttonByText(el, 'Close')!.click();
        await closed;
        await el.updateComplete;
      }
      const scope = where === 'page' ? '.base > .state' : 'dialog';
      await waitUntil(() => $(el, `${scope} button.finish`), 'finish offered');

      // Back from another window: the next action asks the extension which account it holds; the patient declines.
      const own = ext.provider.getPublicKey;
      let asked = 0;
      ext.provider.getPublicKey = async () => { asked++; throw new Error('The user declined.'); };
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      try {
        $<HTMLButtonElement>(el, `${scope} button.finish`)!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => asked > 0 && el.status !== 'waiting-signer', 'the account question declined');
        await el.updateComplete;
        const said = text($(el, `${scope} [role=status]`));
        expect(said, 'what the status says').not.to.match(/Nothing was shared/);
        expect(said, 'what the status says').to.match(/^Your signer did not confirm which account it is using, so nothing more was sent\. Only part of this went out\./);
        const finish = $<HTMLButtonElement>(el, `${scope} button.finish`);
        expect(!!finish, '"Finish sending" still offered').to.equal(true);
        const focused = root(el).activeElement;
        expect(focused === finish, `focus on "Finish sending", not ${focused?.outerHTML.slice(0, 60) ?? document.activeElement?.localName}`).to.equal(true);
      } finally {
        ext.provider.getPublicKey = own;
      }
    });
  }
});
