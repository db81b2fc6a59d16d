/**
 * A patient unlocks their records to answer a clinic's request, and none can be shared (none found
 * on these storage servers). "Unlock your records first" would then be untrue (they just did) and
 * send them round the same button again; the dialog says there is nothing to share and that they
 * can deny, and no button offers to approve nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { waitUntil } from './wait.js';
import { person, receivedRequest } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, dialogOf, text } from './element-helpers.js';

describe('consent prompt: approving a request once unlocked, with no records to share', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  it('says there is nothing to share, not to unlock first, and offers no approval', async () => {
    const [patient, clinician] = [await person(), await person()];
    const request = await receivedRequest(relay.client, patient, clinician);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    // Pressed before unlocking: "unlock first" is true then, and must not outlive the unlock.
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitUntil(() => text(dialogOf(el)).includes('Unlock your records first'), 'unlock first is said while locked');
    $<HTMLButtonElement>(el, 'button.load')!.click();
    await waitUntil(() => el.status === 'done' && text(dialogOf(el)).includes('You have no records to share yet'), 'the unlock never ended', { timeout: 20000 });
    await el.updateComplete;

    const approve = $<HTMLButtonElement>(el, 'form button[type=submit]');
    if (approve) {
      approve.click();
      await el.updateComplete;
    }
    const said = text(dialogOf(el));
    expect(said, 'they did unlock').not.to.contain('Unlock your records first');
    expect(approve, `no button approves nothing: "${text(approve)}"`).to.equal(null);
    expect(said).to.contain('so there is nothing to share. You can deny the request');
  });
});
