import { expect, fixture, html } from '@open-wc/testing';
import '../components/hidden-flag/define.js';
import type { Nip82HiddenFlag } from '../components/hidden-flag/hidden-flag.js';
import { readWithheld } from '../components/core/fhir/withheld.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle, FhirResource } from '../components/core/fhir/types.js';
import { litWarnings, sampleBundle } from './helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<nip82-hidden-flag>', () => {
  it('flag only: says something was withheld, and no number', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="flag" count="4"></nip82-hidden-flag>`);
    expect(text(el, 'title')).to.equal('Some items were withheld by the patient');
    // A count the patient did not choose to disclose is not shown even if a host passes one.
    expect(el.shadowRoot!.textContent).not.to.match(/4/);
    expect(part(el, 'kinds')).to.equal(null);
    expect(text(el, 'explanation')).to.match(/chose not to share/).and.match(/worth asking/);
    await expect(el).to.be.accessible();
  });

  it('count: says how many, singular and plural, and no kinds', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count" count="3" kinds="Condition,Observation,Observation"></nip82-hidden-flag>`);
    expect(text(el, 'title')).to.equal('The patient withheld 3 items from this record');
    expect(part(el, 'kinds')).to.equal(null);
    await expect(el).to.be.accessible();
    el.count = 1;
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('The patient withheld 1 item from this record');
  });

  it('count and kind: lists kinds in plain words, pluralised, medications merged', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag></nip82-hidden-flag>`);
    el.withheld = { disclose: 'count-and-kind', count: 4, kinds: { Condition: 2, MedicationRequest: 1, MedicationStatement: 1 } };
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('The patient withheld 4 items from this record');
    expect(text(el, 'kinds')).to.equal('2 problems, 2 medications');
    el.kinds = { Condition: 1, AllergyIntolerance: 3, Immunization: 1, SupplyDelivery: 2 };
    el.count = undefined;
    await el.updateComplete;
    // The count falls back to the sum of kinds.
    expect(text(el, 'title')).to.equal('The patient withheld 7 items from this record');
    expect(text(el, 'kinds')).to.equal('3 allergies, 2 supply deliveries, 1 problem, 1 immunization');
    await expect(el).to.be.accessible();
  });

  it('accepts kinds as a comma list attribute', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count-and-kind" kinds="Condition,Condition,Observation"></nip82-hidden-flag>`);
    expect(el.kinds).to.deep.equal({ Condition: 2, Observation: 1 });
    expect(text(el, 'title')).to.equal('The patient withheld 3 items from this record');
    expect(text(el, 'kinds')).to.equal('2 problems, 1 observation');
  });

  it('shows what the core reads from a real withheld marker, at each disclosure', async () => {
    const bundle = sampleBundle() as unknown as FhirBundle;
    const hidden = bundle.entry!.slice(1, 3).map((e) => e.resource as FhirResource); // an allergy and a condition
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag></nip82-hidden-flag>`);
    el.withheld = readWithheld(markWithheld(bundle, hidden, 'count-and-kind'));
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('The patient withheld 2 items from this record');
    expect(text(el, 'kinds')).to.equal('1 allergy, 1 problem');
    el.withheld = readWithheld(markWithheld(bundle, hidden, 'count'));
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('The patient withheld 2 items from this record');
    expect(part(el, 'kinds')).to.equal(null);
    el.withheld = readWithheld(markWithheld(bundle, hidden, 'flag'));
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('Some items were withheld by the patient');
    el.withheld = readWithheld(bundle);
    await el.updateComplete;
    expect(el.visible).to.equal(false);
    expect(part(el, 'base')).to.equal(null);
  });

  it('renders nothing visible when nothing was withheld', async () => {
    const none = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag count="3"></nip82-hidden-flag>`);
    const zero = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count" count="0"></nip82-hidden-flag>`);
    const zeroKinds = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count-and-kind" count="0" kinds="Condition"></nip82-hidden-flag>`);
    for (const el of [none, zero, zeroKinds]) {
      expect(el.visible).to.equal(false);
      expect(el.shadowRoot!.querySelector('[role="note"]')).to.equal(null);
      expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      expect(el.getBoundingClientRect().height).to.equal(0);
    }
    zero.count = 2;
    await zero.updateComplete;
    expect(zero.visible).to.equal(true);
    expect(zero.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('is a note, not an alert, with a decorative icon and every part', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count-and-kind" kinds="Condition"></nip82-hidden-flag>`);
    const base = part(el, 'base')!;
    expect(base.getAttribute('role')).to.equal('note');
    expect(el.shadowRoot!.querySelector('[role="alert"], [aria-live]')).to.equal(null);
    expect(part(el, 'icon')!.getAttribute('aria-hidden')).to.equal('true');
    for (const name of ['base', 'icon', 'title', 'kinds', 'explanation']) expect(part(el, name), name).to.exist;
  });

  it('takes its colours from its custom properties', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag
      disclose="flag"
      style="--nip82-hidden-flag-background: rgb(1, 2, 3); --nip82-hidden-flag-color: rgb(250, 251, 252); --nip82-hidden-flag-border: 3px dashed rgb(4, 5, 6)"
    ></nip82-hidden-flag>`);
    const style = getComputedStyle(part(el, 'base')!);
    expect(style.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style.color).to.equal('rgb(250, 251, 252)');
    expect(style.borderTopStyle).to.equal('dashed');
    expect(style.borderTopWidth).to.equal('3px');
  });

  it('speaks Spanish under lang="es"', async () => {
    const wrap = await fixture(html`<div lang="es">
      <nip82-hidden-flag disclose="count-and-kind" kinds="Condition,Condition,MedicationRequest"></nip82-hidden-flag>
      <nip82-hidden-flag disclose="flag"></nip82-hidden-flag>
    </div>`);
    const [kinds, flag] = [...wrap.querySelectorAll('nip82-hidden-flag')] as Nip82HiddenFlag[];
    await kinds!.updateComplete;
    expect(text(kinds!, 'title')).to.equal('El paciente no compartió 3 elementos de este historial');
    expect(text(kinds!, 'kinds')).to.equal('2 problemas, 1 medicamento');
    expect(text(kinds!, 'explanation')).to.match(/conviene preguntarle/);
    expect(text(flag!, 'title')).to.equal('El paciente decidió no compartir algunos elementos');
    await expect(kinds!).to.be.accessible();
  });

  it('shows overridden strings in place of the built-ins', async () => {
    const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag
      disclose="count-and-kind"
      kinds="Condition,Observation"
      .strings=${{
        countTitle: (n: number) => `${n} hidden`,
        kind: (t: string, n: number) => `${t}×${n}`,
        kindsList: (p: string[]) => p.join(' + '),
        explanation: 'Ask.',
      }}
    ></nip82-hidden-flag>`);
    expect(text(el, 'title')).to.equal('2 hidden');
    expect(text(el, 'kinds')).to.equal('Condition×1 + Observation×1');
    expect(text(el, 'explanation')).to.equal('Ask.');
    el.disclose = 'flag';
    el.strings = { flagTitle: 'Hidden things' };
    await el.updateComplete;
    expect(text(el, 'title')).to.equal('Hidden things');
  });

  it('logs no Lit warnings while created and changed', async () => {
    const warnings = await litWarnings(async () => {
      const el = await fixture<Nip82HiddenFlag>(html`<nip82-hidden-flag disclose="count" count="2"></nip82-hidden-flag>`);
      el.withheld = { disclose: 'count-and-kind', kinds: { Condition: 1 } };
      await el.updateComplete;
      el.withheld = undefined;
      await el.updateComplete;
    });
    expect(warnings).to.deep.equal([]);
  });
});
