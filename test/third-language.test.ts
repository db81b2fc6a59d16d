/**
 * A portal in a language the kit ships no words for (French, German, Polish, Arabic) translates
 * through `.strings` and sets `lang`: the dates, numbers and lists the elements write into its
 * sentences are then in its language ("2 déc. 2024", "12 345"), not English ones, and follow a
 * switch between two such languages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/hidden-flag/define.js';
import '../components/consent-prompt/define.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

const title = (el: Element) => el.shadowRoot!.querySelector('[part~="title"]')?.textContent?.replace(/\s+/g, ' ').trim();

describe('a portal in a third language', function () {
  this.timeout(60000);

  it('writes counts as the page language writes numbers, and follows a switch from French to German', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><nip82-hidden-flag disclose="count" count="12345"></nip82-hidden-flag></div>`);
    const el = wrapper.firstElementChild as Nip82HiddenFlag;
    el.strings = { countTitle: (_n: number, written: string) => `Le patient a caché ${written} éléments` };
    await el.updateComplete;
    // French groups digits with a narrow space (read here as a space): never "12,345".
    expect(title(el)).to.equal('Le patient a caché 12 345 éléments');
    wrapper.lang = 'de';
    await waitUntil(() => title(el) === 'Le patient a caché 12.345 éléments', `German digits, got ${title(el)}`);
  });

  it('dates the share dialog items in the page language', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Asthme' }, onsetDateTime: '2024-12-02' } }],
    } as unknown as FhirBundle;
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Share records…'), 'the share button');
    buttonByText(el, 'Share records…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length === 1, 'the item list');
    expect(text($$(el, 'li.item label .date')[0]!)).to.match(/^2 déc\.? 2024$/);
  });

  it('a tag the platform cannot read falls back to the language it names, without breaking the element', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es_ES"><nip82-hidden-flag disclose="count" count="3"></nip82-hidden-flag></div>`);
    const el = wrapper.firstElementChild as Nip82HiddenFlag;
    await el.updateComplete;
    expect(title(el)).to.match(/3/);
  });
});
