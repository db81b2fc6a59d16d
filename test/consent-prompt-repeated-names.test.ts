/**
 * What a screen reader gets from the share dialog's list of items, where a record often repeats an
 * item (a flu shot every autumn, a note per visit): each "Hide" button is named with its item's
 * date, as the box beside it is, so nine flu shots are nine different buttons; and navigating by
 * heading gives each kind's name alone ("Vaccinations (3)"), not its box and "Hide all" too. On a
 * 320 px phone the row looks as it did: the box before the name, "Hide all" after.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, accessibleName, buttonByText, dialogOf, text } from './element-helpers.js';

const flu = (n: number, date: string) => ({
  fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000001${n}`,
  resource: { resourceType: 'Immunization', id: `i${n}`, status: 'completed', vaccineCode: { text: 'Influenza' }, occurrenceDateTime: date },
});

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    flu(1, '2021-10-01'),
    flu(2, '2022-10-03'),
    flu(3, '2023-10-02'),
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000021', resource: { resourceType: 'Condition', id: 'c1', code: { text: 'Asthma' } } },
  ],
} as unknown as FhirBundle;

async function shareDialog(lang: 'en' | 'es') {
  const patient = await person();
  const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
  const el = wrapper.firstElementChild as Nip82ConsentPrompt;
  const open = lang === 'es' ? 'Compartir historiales…' : 'Share records…';
  await waitUntil(() => buttonByText(el, open), 'the share button');
  buttonByText(el, open)!.click();
  await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length === 4, 'the item list');
  await el.updateComplete;
  return el;
}

/** Each item's row: what its box's label reads, its date, and its Hide button's name. */
function rows(el: Nip82ConsentPrompt) {
  return $$(el, 'li.item').map((li) => ({
    box: text(li.querySelector('label')),
    date: text(li.querySelector('.date')),
    hide: accessibleName(li.querySelector('button.hide')!),
  }));
}

describe('the share dialog to a screen reader: repeated items and kinds', function () {
  this.timeout(60000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('names each Hide button with its item\'s date, as its box shows it', async () => {
    const el = await shareDialog('en');
    const flus = rows(el).filter((r) => r.box.startsWith('Influenza'));
    expect(flus).to.have.length(3);
    for (const r of flus) {
      expect(r.date, 'the box shows a date').to.not.equal('');
      expect(r.hide).to.equal(`Hide Influenza, ${r.date}`);
    }
    expect(new Set(flus.map((r) => r.hide)).size, 'three different names').to.equal(3);
    expect(rows(el).find((r) => r.box === 'Asthma')!.hide, 'no date, no comma').to.equal('Hide Asthma');
  });

  it('in Spanish too', async () => {
    const el = await shareDialog('es');
    const flus = rows(el).filter((r) => r.box.startsWith('Influenza'));
    expect(flus.map((r) => r.hide)).to.deep.equal(flus.map((r) => `Ocultar Influenza, ${r.date}`));
    expect(flus.some((r) => /\d{4}/.test(r.date))).to.equal(true);
  });

  it('a kind\'s heading is its name and count alone, laid out as before at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await shareDialog('en');
    const headings = $$(el, '.item-grid h3');
    expect(headings.map((h) => text(h)).sort()).to.deep.equal(['Conditions (1)', 'Vaccinations (3)']);
    for (const h of headings) expect(h.querySelectorAll('input, button').length, `controls inside "${text(h)}"`).to.equal(0);
    // The kind's box still reads as the kind, and the group is still named by it.
    const group = $$(el, '.group').find((g) => text(g).includes('Vaccinations'))!;
    expect(accessibleName(group)).to.equal('Vaccinations (3)');
    const head = group.querySelector<HTMLElement>('.group-head')!;
    const [box, heading, hideAll] = ['input', 'h3', 'button'].map((s) => head.querySelector(s)!.getBoundingClientRect());
    expect(text(head.querySelector('button'))).to.equal('Hide all');
    // The box sits on the name's row, before it; "Hide all" follows (below, on a phone this narrow), all inside the row.
    expect(box!.top < heading!.bottom && box!.bottom > heading!.top, 'the box on the heading\'s row').to.equal(true);
    expect(box!.right <= heading!.left).to.equal(true);
    expect(hideAll!.top >= heading!.top && hideAll!.right <= head.getBoundingClientRect().right).to.equal(true);
    expect(head.scrollWidth).to.be.at.most(head.clientWidth);
  });
});
