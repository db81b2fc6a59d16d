/**
 * The withheld count reaches the clinician from untrusted data (a record's marker, a host's
 * attribute): it is written as the page's language writes numbers ("12,345", "12.345"), and a
 * number no count can be ("1e+21", past the exact whole numbers) is not shown at all: the flag
 * then only says that something was withheld. The kinds line follows the same rules, and the
 * consent prompt's preview of the flag uses the same words.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/hidden-flag/define.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import { describeKinds } from '../components/shared/withheld-kinds.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { waitUntil } from './wait.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const FLAG_ONLY = 'Some items were withheld by the patient';

describe('<nip82-hidden-flag>: the withheld count, as a reader reads numbers', () => {
  it('a large count has the page language\'s group separators', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count" count="12345"></nip82-hidden-flag>`);
    expect(text(el, 'title')).to.equal('The patient withheld 12,345 items from this record');
    el.count = Number.MAX_SAFE_INTEGER;
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('The patient withheld 9,007,199,254,740,991 items from this record');
  });

  it('in Spanish, the Spanish way', async () => {
    await loadLanguage('es');
    const wrap = await fixture(html`<div lang="es"><nip82-hidden-flag disclose="count-and-kind" count="12345" .kinds=${{ Condition: 12000, Observation: 345 }}></nip82-hidden-flag></div>`);
    const el = wrap.querySelector('nip82-hidden-flag') as Nip82HiddenFlag;
    await waitUntil(() => text(el, 'title') !== '', 'the flag rendered');
    expect(text(el, 'title')).to.equal('El paciente no compartió 12.345 elementos de este historial');
    expect(text(el, 'kinds')).to.equal('12.000 problemas, 345 observaciones');
  });

  it('a count past the exact whole numbers is no count: the flag says only that items were withheld, never "1e+21"', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count" count="1e21"></nip82-hidden-flag>`);
    expect(el.visible).to.equal(true);
    expect(text(el, 'title')).to.equal(FLAG_ONLY);
    for (const count of [Number.MAX_SAFE_INTEGER + 1, 2 ** 60, Infinity, 1e300]) {
      el.count = count;
      await el.updateComplete;
      expect(text(el, 'title'), String(count)).to.equal(FLAG_ONLY);
      expect(el.shadowRoot!.textContent!.includes('e+'), `${count} in exponent notation`).to.equal(false);
    }
  });

  it('the kinds line writes its numbers the same way and leaves out a kind whose count is no count', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag></nip82-hidden-flag>`);
    el.withheld = { disclose: 'count-and-kind', kinds: { Observation: 12345, Condition: 1e21, AllergyIntolerance: 2 } };
    await el.updateComplete;
    expect(text(el, 'kinds')).to.equal('12,345 observations, 2 allergies');
    expect(text(el, 'title')).to.equal('The patient withheld 12,347 items from this record');
    // Each kind exact, their sum not: no total to tell.
    el.kinds = { Observation: Number.MAX_SAFE_INTEGER, Condition: 2 };
    await el.updateComplete;
    expect(text(el, 'title')).to.equal(FLAG_ONLY);
    expect(el.shadowRoot!.textContent!.includes('e+')).to.equal(false);
    // Merged into one kind (medications), past the exact whole numbers: that kind is left out.
    el.kinds = { MedicationRequest: Number.MAX_SAFE_INTEGER, MedicationStatement: 5, Condition: 1 };
    await el.updateComplete;
    expect(text(el, 'kinds')).to.equal('1 problem');
    expect(text(el, 'title')).to.equal('The patient withheld 1 item from this record');
  });

  it('an overridden title gets the count and the count as written in the page\'s language', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count" count="4321"
      .strings=${{ countTitle: (n: number, shown: string) => `${shown} hidden (${n === 4321 ? 'exact' : 'wrong'})` }}></nip82-hidden-flag>`);
    expect(text(el, 'title')).to.equal('4,321 hidden (exact)');
  });

  it('the consent prompt\'s preview of the flag writes the kinds as the flag does', () => {
    expect(describeKinds('en', { Observation: 1200, Condition: 1 })).to.equal('1,200 observations, 1 problem');
    expect(describeKinds('en', { Observation: 1e21, Condition: 1 })).to.equal('1 problem');
  });
});
