/**
 * A portal logs "shared" and "cancelled" from the kit's events. The patient shares, or revokes,
 * and the dialog shows the outcome; they close it with Escape, as with its Close button. Nothing
 * was cancelled: the page hears no `nip82-cancel` after the `nip82-share` or `nip82-revoke`, so
 * its log does not say the patient cancelled what went out. Escape before the action still does.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, toSharePreview } from './element-helpers.js';

/** The names of the events `el` fires from now on, in order. */
function heard(el: Element, names: string[]): string[] {
  const log: string[] = [];
  for (const n of names) el.addEventListener(n, () => log.push(n));
  return log;
}

async function escape(el: Element) {
  const closed = oneEvent(dialogOf(el), 'close');
  await sendKeys({ press: 'Escape' });
  await closed;
}

describe('Escape on an outcome is no cancellation', function () {
  this.timeout(60000);

  it('a share: Escape before it is a cancel; Escape on its outcome is not', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${await relayUrl('main')}></nip82-consent-prompt>`);
    const log = heard(el, ['nip82-share', 'nip82-cancel']);
    await toSharePreview(el, clinician.pubkey);
    await escape(el);
    expect(log, 'Escape on the preview').to.deep.equal(['nip82-cancel']);
    await toSharePreview(el, clinician.pubkey);
    buttonByText(el, /^Share with npub1/)!.click();
    await waitUntil(() => el.status === 'done' && !!$(el, '#result-title'), 'shared');
    await el.updateComplete;
    await escape(el);
    expect(log).to.deep.equal(['nip82-cancel', 'nip82-share']);
  });

  it('a revocation: Escape on its outcome is not a cancel', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({
      bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }],
    }), patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${await relayUrl('main')}></nip82-access-list>`);
    const log = heard(el, ['nip82-revoke', 'nip82-cancel']);
    await waitUntil(() => $(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`), 'the people listed');
    $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, /^Revoke access for npub1/)!.click();
    await waitUntil(() => el.status === 'done' && !!$(el, '#result-title'), 'revoked');
    await el.updateComplete;
    await escape(el);
    expect(log).to.deep.equal(['nip82-revoke']);
  });
});
