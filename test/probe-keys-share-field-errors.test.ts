/**
 * "Review" with an end date in the past: the dialog lists the problem, and the field at fault says
 * so to a screen reader when the patient goes back to it (marked invalid, described by the problem),
 * not only the list at the foot of the form.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, isoDay, setInput, text, typeRecipient } from './element-helpers.js';

/** What a screen reader says of a field besides its name: its aria-invalid and the text of its aria-describedby. */
function heard(field: HTMLElement): { invalid: string; description: string } {
  const root = field.getRootNode() as ShadowRoot;
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return { invalid: field.getAttribute('aria-invalid') ?? 'false', description: ids.map((id) => text(root.getElementById(id))).join(' ') };
}

describe('consent prompt: a problem with a field is told at the field', function () {
  this.timeout(60000);

  it('an end date in the past: back on the field, it is invalid and says why', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    await typeRecipient(el, clinician.pubkey);
    const until = $<HTMLInputElement>(el, '#until')!;
    setInput(until, isoDay(-3));
    await el.updateComplete;
    buttonByText(el, 'Review')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#problems'), 'the problems listed');
    expect(text($(el, '#problems'))).to.equal('Choose a date from today on.');
    until.focus();
    const { invalid, description } = heard(until);
    expect({ invalid, saysWhy: description.includes('Choose a date from today on.') }).to.deep.equal({ invalid: 'true', saysWhy: true });
  });
});
