/**
 * A share went out only in part, inside a session. Back on the page after a visit elsewhere (to
 * unlock the extension, to check the network), the patient presses "Finish sending": the signer is
 * first asked which account it holds, and the patient declines that question (or it times out).
 * What already went out is still said (never "nothing was shared"), the way to finish stays, and
 * the keyboard's focus stays on it.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import { person, relayAcceptsOnly } from './helpers.js';
import { promptInSession, shareHalfWay } from './half-sent-share.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';

describe('consent prompt: finishing a half-sent share when the account question is declined', function () {
  this.timeout(120000);
  afterEach(async () => {
    delete (window as { nostr?: unknown }).nostr;
    await relayAcceptsOnly('picky', null);
  });

  for (const where of ['page', 'dialog'] as const) {
    it(`${where}: what went out is still said, "Finish sending" stays, and focus stays on it`, async () => {
      const [patient, clinician] = [await person(), await person()];
      const { ext, el } = await promptInSession(patient.signer, patient.pubkey);
      await shareHalfWay(el, clinician.pubkey);
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
