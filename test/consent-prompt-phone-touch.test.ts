/**
 * A patient at a clinic's front desk, sharing from a phone by touch: every control of the share
 * dialog is a finger's size (44 × 44 CSS px; a box or round choice by its label), and with the
 * on-screen keyboard taking half the screen the field typed into and the Review button are both
 * in sight, neither under the other.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, typeRecipient } from './element-helpers.js';
import { RelayClient } from '../components/core/relay/client.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';

const FINGER = 44;

function roots(root: ShadowRoot): ShadowRoot[] {
  const all = [root];
  for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) all.push(...roots(inner.shadowRoot));
  return all;
}

/** Controls of the open dialog (and of the picker in it) a finger cannot hit: each with its size. */
function tooSmall(el: HTMLElement): string[] {
  const dialog = dialogOf(el);
  const out: string[] = [];
  for (const root of roots(el.shadowRoot!)) {
    for (const c of root.querySelectorAll<HTMLElement>('button, summary, input')) {
      if (!c.getClientRects().length || !dialog.contains(root === el.shadowRoot ? c : root.host)) continue;
      const box = c as HTMLInputElement;
      // A box or round choice is tapped by its label too.
      const target = box.localName === 'input' && ['checkbox', 'radio'].includes(box.type) ? box.labels?.[0] ?? box : c;
      const r = target.getBoundingClientRect();
      if (r.width < FINGER || r.height < FINGER) out.push(`"${(target.textContent ?? '').trim().slice(0, 40) || target.getAttribute('aria-label') || target.localName}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return out;
}

/** Nothing lies over `target`'s centre, and it is on the screen. */
function inSight(target: HTMLElement): boolean {
  const r = target.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) return false;
  const hit = (target.getRootNode() as ShadowRoot).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!hit && (hit === target || target.contains(hit));
}

describe('the consent prompt on a phone, by touch', function () {
  this.timeout(60000);
  after(() => setViewport({ width: 800, height: 600 }));

  async function shareDialog() {
    const [patient, clinic] = [await person(), await person()];
    const url = await relayUrl('main');
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    const record = await openRecord(events, patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog');
    await typeRecipient(el, clinic.pubkey);
    await el.updateComplete;
    return el;
  }

  it('every button, box, choice and field of the share dialog and its preview is a finger\'s size', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await shareDialog();
    expect(tooSmall(el), 'choosing').to.deep.equal([]);
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with/), 'the preview');
    expect(tooSmall(el), 'the preview').to.deep.equal([]);
  });

  it('with the keyboard up, the field being typed into and the Review button are both in sight', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await shareDialog();
    // The on-screen keyboard takes half the screen.
    await setViewport({ width: 320, height: 320 });
    const recipient = $(el, 'nip82-npub-picker')!.shadowRoot!.querySelector<HTMLInputElement>('#input')!;
    const purpose = $<HTMLInputElement>(el, '#purpose')!;
    for (const [field, name] of [[recipient, 'the recipient field'], [purpose, 'the purpose field']] as const) {
      field.blur();
      field.focus();
      await waitUntil(() => (field.getRootNode() as ShadowRoot).activeElement === field, `typing into ${name}`);
      expect(inSight(field), name).to.equal(true);
      expect(inSight(buttonByText(el, 'Review')!), `the Review button, typing into ${name}`).to.equal(true);
    }
  });

  it('with the keyboard up, Review tapped from the top of the form shows what is wrong in sight', async () => {
    await setViewport({ width: 320, height: 320 });
    const patient = await person();
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[await openRecord(events, patient.signer)]} .signer=${patient.signer} relays=${await relayUrl('main')}></nip82-consent-prompt>`);
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'the share dialog');
    dialogOf(el).scrollTop = 0;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '#problems'), 'the problem listed');
    await waitUntil(() => inSight($(el, '#problems li')!), 'the problem in sight');
  });

  it('the Share button and the Review button of a request from a clinic, on the page, are a finger\'s size', async () => {
    await setViewport({ width: 320, height: 640 });
    const [patient, clinic] = [await person(), await person()];
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const { events, request } = await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Front desk check-in' });
    await client.publishAll(events);
    const incoming = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
    client.close();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const share = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    const answer = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    await waitUntil(() => $(answer, 'li.request button'), 'the request');
    const sizes = [buttonByText(share, 'Share records…')!, ...$$(answer, 'li.request button')].map((b) => {
      const r = b.getBoundingClientRect();
      return `"${(b.textContent ?? '').trim()}" ${Math.round(r.width)}x${Math.round(r.height)}`;
    });
    expect(sizes.filter((s) => s.split(' ').pop()!.split('x').some((n) => Number(n) < FINGER))).to.deep.equal([]);
  });

  it('answering a clinic with the keyboard up, the reply being typed and the Approve button are both in sight', async () => {
    await setViewport({ width: 320, height: 640 });
    const [patient, clinic] = [await person(), await person()];
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const { events, request } = await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance', 'Condition'], purpose: 'Front desk check-in' });
    await client.publishAll(events);
    const incoming = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
    client.close();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    await waitUntil(() => $(el, 'li.request button'), 'the request');
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#reply'), 'the answer dialog');
    await setViewport({ width: 320, height: 320 });
    const approve = $<HTMLButtonElement>(el, 'dialog button.primary')!;
    for (const field of [$<HTMLElement>(el, '#grant-until')!, $<HTMLElement>(el, '#reply')!]) {
      field.blur();
      field.focus();
      await waitUntil(() => el.shadowRoot!.activeElement === field, `typing into #${field.id}`);
      expect(inSight(field), field.id).to.equal(true);
      expect(inSight(approve), `Approve, typing into #${field.id}`).to.equal(true);
    }
  });
});
