/**
 * "Review" with an end date the form refuses: the dialog lists the problem, and the date field at
 * fault says so to a screen reader when the patient goes back to it (aria-invalid, and described
 * by the problem's words as well as its help), not only the list at the foot of the form. In the
 * share dialog (its end date) and in the answer dialog (the access's end date).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
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

  it('answering, an end date in the past: back on the field, it is invalid and says why', async () => {
    const url = await relayUrl('main');
    const [patient, clinician] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    let incoming;
    try {
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Referral', days: 30 });
      await client.publishAll(events);
      incoming = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
    } finally { client.close(); }
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    const until = $<HTMLInputElement>(el, '#grant-until')!;
    expect(heard(until).invalid, 'before Review').to.equal('false');
    setInput(until, isoDay(-3));
    await el.updateComplete;
    buttonByText(el, /^Review: approve/)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#problems'), 'the problems listed');
    expect(text($(el, '#problems'))).to.equal('Choose a date from today up to the date they asked for.');
    until.focus();
    const { invalid, description } = heard(until);
    expect({ invalid, saysWhy: description.includes('Choose a date from today up to the date they asked for.') }).to.deep.equal({ invalid: 'true', saysWhy: true });
  });
});
