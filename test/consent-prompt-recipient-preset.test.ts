/**
 * `<nip82-consent-prompt mode="share" recipient="…">` presets who receives a share. A value that is
 * not a public key (a mistyped npub, a cut-off hex key, a private key) is not dropped in silence:
 * the host hears a `nip82-error` (code `invalid-input`) and the patient sees, in plain words, that
 * the page's choice could not be used. A private key is never shown, logged or put in an event. A
 * hex key in capitals is the same key, and is preset.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { generateSecretKey } from 'nostr-tools/pure';
import { npubEncode, nsecEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82Event } from '../components/shared/events.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

type ErrorDetail = Nip82Event<'nip82-error'>['detail'];

/** Every `nip82-error` the page hears from now on (listened for on the document: the first update reports before a fixture returns). */
function heardErrors(): { details: ErrorDetail[]; stop: () => void } {
  const details: ErrorDetail[] = [];
  const listen = (e: Event) => details.push((e as Nip82Event<'nip82-error'>).detail);
  document.addEventListener('nip82-error', listen);
  return { details, stop: () => document.removeEventListener('nip82-error', listen) };
}

/** Everything logged to the console from now on, as text. */
function consoleText(): { lines: string[]; stop: () => void } {
  const lines: string[] = [];
  const kept = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
  for (const name of Object.keys(kept) as (keyof typeof kept)[]) {
    console[name] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
      kept[name](...args);
    };
  }
  return { lines, stop: () => Object.assign(console, kept) };
}

/** The whole page as markup, every shadow root and every field's value included. */
function everything(node: Node = document.documentElement): string {
  let out = node instanceof Element ? node.outerHTML : '';
  const walk = (root: Node) => {
    for (const el of (root as ParentNode).querySelectorAll('*')) {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) out += `\n[value] ${el.value}`;
      if (el.shadowRoot) {
        out += `\n[shadow ${el.localName}] ${el.shadowRoot.innerHTML}`;
        walk(el.shadowRoot);
      }
    }
  };
  walk(node);
  return out;
}

const problemNote = (el: Nip82ConsentPrompt) => $(el, '[part=recipient-problem]');

describe('consent prompt (share): the preset recipient', function () {
  this.timeout(60000);
  let url: string;
  let patient: Person;
  let record: OpenedRecord;

  before(async () => {
    url = await relayUrl('main');
    patient = await person();
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    record = await openRecord(events, patient.signer);
  });

  async function prompt(recipient: string, lang = 'en'): Promise<Nip82ConsentPrompt> {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
      <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url} recipient=${recipient}></nip82-consent-prompt>
    </div>`);
    const el = wrapper.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    await el.updateComplete;
    return el;
  }

  async function openDialog(el: Nip82ConsentPrompt): Promise<HTMLElement & { value: string }> {
    buttonByText(el, /Share records…|Compartir historiales…/)!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    const picker = $(el, 'nip82-npub-picker') as HTMLElement & { value: string; updateComplete: Promise<unknown> };
    await picker.updateComplete;
    return picker;
  }

  it('a mistyped npub: the host hears invalid-input, the patient is told in plain words on the page and by the empty field', async () => {
    const clinician = await person();
    const npub = npubEncode(clinician.pubkey);
    // One character changed: the checksum no longer holds.
    const typo = npub.slice(0, 10) + (npub[10] === 'q' ? 'p' : 'q') + npub.slice(11);
    const heard = heardErrors();
    try {
      const el = await prompt(typo);
      await waitUntil(() => heard.details.length > 0, 'the host hears of the bad recipient');
      expect(heard.details.map((d) => d.code)).to.deep.equal(['invalid-input']);
      expect(heard.details[0]!.message).to.match(/recipient/i);
      expect(text(problemNote(el)!)).to.match(/not valid/i);
      const picker = await openDialog(el);
      expect(picker.value).to.equal('');
      // Said again where the patient chooses the person.
      expect(text($(el, 'dialog [part=recipient-problem]')!)).to.match(/not valid/i);
      // Said once per value: opening the dialog is not a second report.
      expect(heard.details).to.have.length(1);
    } finally {
      heard.stop();
    }
  });

  it('a cut-off hex key: reported the same way; in Spanish the patient reads Spanish, and the words can be overridden', async () => {
    const clinician = await person();
    const heard = heardErrors();
    try {
      const el = await prompt(clinician.pubkey.slice(0, 60), 'es');
      await waitUntil(() => heard.details.length > 0, 'the host hears of the bad recipient');
      expect(heard.details.map((d) => d.code)).to.deep.equal(['invalid-input']);
      expect(text(problemNote(el)!)).to.match(/no es válida/i);
      el.strings = { recipientPresetInvalid: 'Custom words.' };
      await el.updateComplete;
      expect(text(problemNote(el)!)).to.equal('Custom words.');
    } finally {
      heard.stop();
    }
  });

  it('a private key (nsec) is refused and never echoed: not in the page, the event, or the console', async () => {
    const secret = generateSecretKey();
    const nsec = nsecEncode(secret);
    const secretHex = Array.from(secret, (b) => b.toString(16).padStart(2, '0')).join('');
    const heard = heardErrors();
    const logged = consoleText();
    try {
      const el = await prompt(nsec);
      await waitUntil(() => heard.details.length > 0, 'the host hears of the bad recipient');
      expect(heard.details.map((d) => d.code)).to.deep.equal(['invalid-input']);
      expect(heard.details[0]!.message).to.match(/private key/i);
      expect(text(problemNote(el)!)).to.match(/private key/i);
      const picker = await openDialog(el);
      expect(picker.value).to.equal('');
      // Not even the part of it after "nsec1", nor the key in hex, nor its public key.
      const shown = everything();
      const said = JSON.stringify(heard.details) + logged.lines.join('\n');
      for (const piece of [nsec.slice(5, 25), secretHex.slice(0, 20)]) {
        expect(shown).not.to.include(piece);
        expect(said).not.to.include(piece);
      }
      expect(el.recipient ?? '').not.to.include('nsec1');
    } finally {
      logged.stop();
      heard.stop();
    }
  });

  it('a hex key in capitals is the same key: preset, with nothing reported', async () => {
    const clinician = await person();
    const heard = heardErrors();
    try {
      const el = await prompt(clinician.pubkey.toUpperCase());
      const picker = await openDialog(el);
      expect(picker.value).to.equal(clinician.pubkey);
      expect(problemNote(el)).to.equal(null);
      expect(heard.details).to.deep.equal([]);
    } finally {
      heard.stop();
    }
  });

  it('a bad value then a good one: the note goes, and the good key is preset', async () => {
    const clinician = await person();
    const heard = heardErrors();
    try {
      const el = await prompt('npub1notakey');
      await waitUntil(() => problemNote(el), 'the problem is shown');
      el.recipient = npubEncode(clinician.pubkey);
      await el.updateComplete;
      expect(problemNote(el)).to.equal(null);
      const picker = await openDialog(el);
      expect(picker.value).to.equal(clinician.pubkey);
      expect(heard.details).to.have.length(1);
    } finally {
      heard.stop();
    }
  });
});
