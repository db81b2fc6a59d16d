/**
 * Colour schemes as a host sets them: the elements follow the page's `color-scheme` (inherited, as
 * native controls do), nested elements included, and the kit tokens override the built-in colours.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/hidden-flag/define.js';
import '../components/consent-prompt/define.js';
import '../components/record-viewer/define.js';
import '../components/access-list/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import '../components/session/define.js';
import type { Nip82Session } from '../components/session/session.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf } from './element-helpers.js';

const DARK_TEXT = 'rgb(232, 234, 237)';
const FLAG_LIGHT = 'rgb(92, 59, 0)';
const FLAG_DARK = 'rgb(255, 217, 122)';
const textColour = (el: Element, selector: string) => getComputedStyle(el.shadowRoot!.querySelector(selector)!).color;

describe('colour schemes and tokens', () => {
  it('a page that declares nothing stays light; `dark` on an ancestor makes the element dark', async () => {
    const plain = await fixture(html`<div><nip82-hidden-flag disclose="count" count="2"></nip82-hidden-flag></div>`);
    expect(textColour(plain.firstElementChild!, '[part=explanation]')).to.equal(FLAG_LIGHT);
    const dark = await fixture(html`<div style="color-scheme: dark; background: Canvas"><nip82-hidden-flag disclose="count" count="2"></nip82-hidden-flag></div>`);
    expect(textColour(dark.firstElementChild!, '[part=explanation]')).to.equal(FLAG_DARK);
    await expect(dark.firstElementChild!).to.be.accessible();
  });

  it('a forced dark scheme reaches the npub picker nested in the share dialog', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture(html`<div style="color-scheme: dark; background: Canvas">
      <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer}></nip82-consent-prompt>
    </div>`);
    const el = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    const picker = $(el, 'nip82-npub-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('#input'), 'picker rendered');
    expect(getComputedStyle(picker.shadowRoot!.querySelector('#input')!).color).to.equal(DARK_TEXT);
    expect(getComputedStyle(dialogOf(el)).color).to.equal(DARK_TEXT);
    await expect(el).to.be.accessible();
  });

  it('the viewer exports its hidden-item flag\'s parts as flag-…', async () => {
    const bundle = markWithheld(sampleBundle() as FhirBundle, [{ resourceType: 'Condition', id: 'h1' }], 'count-and-kind');
    const wrapper = await fixture(html`<div>
      <style>
        nip82-record-viewer::part(flag-base) { background-color: rgb(1, 2, 3); }
        nip82-record-viewer::part(flag-title) { color: rgb(4, 5, 6); }
      </style>
      <nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>
    </div>`);
    const viewer = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => viewer.status === 'done' && $(viewer, 'nip82-hidden-flag')?.shadowRoot?.querySelector('[part=base]'), 'the viewer never showed the flag');
    const flag = $(viewer, 'nip82-hidden-flag')!;
    expect(getComputedStyle(flag.shadowRoot!.querySelector('[part=base]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(textColour(flag, '[part=title]')).to.equal('rgb(4, 5, 6)');
    // Every part the flag shows is reachable from outside the viewer, by its prefixed name.
    const exported = flag.getAttribute('exportparts') ?? '';
    for (const el of flag.shadowRoot!.querySelectorAll('[part]')) {
      for (const part of el.getAttribute('part')!.split(/\s+/)) expect(exported, part).to.match(new RegExp(`(^|,)\\s*${part}:flag-${part}\\s*(,|$)`));
    }
  });

  it('the prompt exports its npub picker\'s parts as recipient-…', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture(html`<div>
      <style>
        nip82-consent-prompt::part(recipient-input) { color: rgb(7, 8, 9); }
        nip82-consent-prompt::part(recipient-label) { color: rgb(10, 11, 12); }
      </style>
      <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer}></nip82-consent-prompt>
    </div>`);
    const el = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    const picker = $(el, 'nip82-npub-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('#input'), 'picker rendered');
    expect(textColour(picker, '[part=input]')).to.equal('rgb(7, 8, 9)');
    expect(textColour(picker, '[part=label]')).to.equal('rgb(10, 11, 12)');
    const exported = picker.getAttribute('exportparts') ?? '';
    for (const node of picker.shadowRoot!.querySelectorAll('[part]')) {
      for (const part of node.getAttribute('part')!.split(/\s+/)) expect(exported, part).to.match(new RegExp(`(^|,)\\s*${part}:recipient-${part}\\s*(,|$)`));
    }
  });

  it('kit tokens set on an ancestor override the built-in colours', async () => {
    const themed = await fixture(html`<div style="--nip82-color-text: rgb(1, 2, 3)"><nip82-hidden-flag disclose="count" count="2"></nip82-hidden-flag></div>`);
    expect(getComputedStyle(themed.firstElementChild!).color).to.equal('rgb(1, 2, 3)');
  });
});

describe('in a host\'s layout', () => {
  it('the prompt and the access list keep the width of what they show as items of a flex row', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const row = await fixture(html`<div style="display: flex; align-items: flex-start; inline-size: 60rem">
      <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer}></nip82-consent-prompt>
      <nip82-access-list .records=${[record]} .signer=${patient.signer}></nip82-access-list>
    </div>`);
    const prompt = row.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    const list = row.querySelector('nip82-access-list')!;
    await waitUntil(() => buttonByText(prompt, 'Share records…') && list.shadowRoot?.querySelector('button'), 'both show their buttons');
    for (const el of [prompt, list]) {
      const button = el.shadowRoot!.querySelector('button')!;
      // A host that gave its width away to a container query would be narrower than its own button.
      expect(el.getBoundingClientRect().width, el.localName).to.be.at.least(button.getBoundingClientRect().width);
      expect(button.getBoundingClientRect().width, el.localName).to.be.greaterThan(40);
    }
  });
});

describe('printed from a dark page', () => {
  after(() => emulateMedia({ media: 'screen' }));

  /** How light a computed colour is, 0 (black) to 1 (white); `rgb()` and `color(srgb …)` alike. */
  const lightness = (colour: string) => {
    const srgb = colour.startsWith('color(srgb');
    const [r, g, b] = colour.match(/[\d.]+/g)!.map(Number).map((v) => (srgb ? v : v / 255));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };

  it('the record prints dark on light: items, muted text and the hidden-item flag', async () => {
    const bundle = markWithheld(sampleBundle() as FhirBundle, [{ resourceType: 'Condition', id: 'h1' }], 'count-and-kind');
    const wrapper = await fixture(html`<div style="color-scheme: dark; background: Canvas"><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
    const viewer = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    await waitUntil(() => viewer.status === 'done' && $(viewer, 'nip82-hidden-flag')?.shadowRoot?.querySelector('[part=base]') && $(viewer, '.item-head time, .item .kind'), 'the viewer never showed the record and its flag');
    await emulateMedia({ media: 'print' });
    expect(matchMedia('print').matches, 'print emulated').to.equal(true);
    const flag = $(viewer, 'nip82-hidden-flag')!;
    const item = $(viewer, '.item')!;
    const seen = {
      item: getComputedStyle(item).backgroundColor,
      itemText: getComputedStyle(item).color,
      muted: getComputedStyle($(viewer, '.item-head time, .item .kind')!).color,
      flag: getComputedStyle(flag.shadowRoot!.querySelector('[part=base]')!).backgroundColor,
      flagText: getComputedStyle(flag.shadowRoot!.querySelector('[part=title]')!).color,
    };
    const light = (colour: string) => lightness(colour) > 0.6;
    expect({ item: light(seen.item), itemText: light(seen.itemText), muted: light(seen.muted), flag: light(seen.flag), flagText: light(seen.flagText) }, JSON.stringify(seen))
      .to.deep.equal({ item: true, itemText: false, muted: false, flag: true, flagText: false });
  });
});

describe('buttons and fields styled from outside', () => {
  it('every button is ::part(button), the main ones ::part(button-primary) too, the text fields ::part(input)', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture(html`<div>
      <style>
        *::part(button) { border-radius: 7px; }
        *::part(button-primary) { background-color: rgb(1, 2, 3); }
        *::part(input) { background-color: rgb(4, 5, 6); }
      </style>
      <nip82-session relays="wss://relay.example"><nip82-record-viewer naddr="x"></nip82-record-viewer></nip82-session>
      <nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer}></nip82-consent-prompt>
    </div>`);
    const session = wrapper.querySelector<Nip82Session>('nip82-session')!;
    const viewer = wrapper.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    const prompt = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await waitUntil(() => session.shadowRoot?.querySelector('input[name=bunker]') && $(viewer, 'button.unlock'), 'the sign-in and the unlock button never showed');
    buttonByText(prompt, 'Share records…')!.click();
    await waitUntil(() => dialogOf(prompt).open && $(prompt, '#purpose'), 'the share dialog never opened');
    const look = (el: Element) => ({ radius: getComputedStyle(el).borderTopLeftRadius, background: getComputedStyle(el).backgroundColor });
    expect({
      signIn: look($(session, 'button.use-extension')!).background,
      unlock: look($(viewer, 'button.unlock')!).background,
      bunker: look(session.shadowRoot!.querySelector('input[name=bunker]')!).background,
      purpose: look($(prompt, '#purpose')!).background,
      until: look($(prompt, '#until')!).background,
    }).to.deep.equal({ signIn: 'rgb(1, 2, 3)', unlock: 'rgb(1, 2, 3)', bunker: 'rgb(4, 5, 6)', purpose: 'rgb(4, 5, 6)', until: 'rgb(4, 5, 6)' });
    for (const el of [session, viewer, prompt]) {
      for (const button of el.shadowRoot!.querySelectorAll('button')) expect(look(button).radius, `${el.localName}: "${button.textContent?.trim()}"`).to.equal('7px');
    }
    // The recipient picker inside the prompt: its field and its buttons, as the page styles the prompt's own.
    const picker = prompt.shadowRoot!.querySelector('nip82-npub-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('input'), 'the recipient picker never showed');
    expect(look(picker.shadowRoot!.querySelector('input')!).background, 'the recipient field').to.equal('rgb(4, 5, 6)');
    for (const button of picker.shadowRoot!.querySelectorAll('button')) expect(look(button).radius, `picker: "${button.textContent?.trim()}"`).to.equal('7px');
  });
});
