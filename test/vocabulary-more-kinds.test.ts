/**
 * The kit's vocabulary names the common FHIR R4 kinds a record carries (RiskAssessment, Specimen,
 * QuestionnaireResponse…) in patient and clinician words of the page's language: on a Spanish page
 * the viewer's item title and "Clase" line, the share dialog's group headings and the hidden-item
 * flag speak Spanish. A kind it still does not name goes by its generic word for an item
 * ("elemento", "item"), counted as one kind, never by its code spelled in English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'RiskAssessment', id: 'r1', status: 'final', occurrenceDateTime: '2024-01-05' } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'Specimen', id: 's1', type: { text: 'Sangre venosa' } } },
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000003', resource: { resourceType: 'QuestionnaireResponse', id: 'q1', status: 'completed', authored: '2024-02-01' } },
  ],
} as unknown as FhirBundle;

/** English words spelled from the type codes. */
const ENGLISH = /risk assessment|specimen|questionnaire response/i;

describe('kinds of items in the page\'s language (es)', function () {
  this.timeout(60000);

  it('the record viewer names them in Spanish, not in English words spelled from the code', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(el, '[part=item]').length === 3, 'the items never showed');
    await el.updateComplete;
    const shown = $$(el, '[part=item]').map((li) => text(li)).join(' | ');
    expect(shown, 'the items as shown').to.contain('Sangre venosa');
    expect(shown.match(ENGLISH)?.[0] ?? '', `English on a Spanish page: ${shown}`).to.equal('');
  });

  it('the hidden-item flag names them in Spanish to a clinician', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-hidden-flag disclose="count-and-kind" kinds="RiskAssessment,RiskAssessment,Specimen"></nip82-hidden-flag></div>`);
    const flag = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await waitUntil(() => text(flag.shadowRoot?.querySelector('[part=kinds]')) !== '', 'the flag never listed kinds');
    const kinds = text(flag.shadowRoot!.querySelector('[part=kinds]'));
    expect(kinds.match(ENGLISH)?.[0] ?? '', `the flag's kinds: ${kinds}`).to.equal('');
  });

  it('the hidden-item flag counts kinds it does not name as items, in the page\'s language', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-hidden-flag disclose="count-and-kind" kinds="Specimen,ChargeItem,Linkage"></nip82-hidden-flag></div>`);
    const flag = wrapper.firstElementChild as HTMLElement;
    await waitUntil(() => text(flag.shadowRoot?.querySelector('[part=kinds]')).includes('muestra'), 'the flag never listed kinds in Spanish');
    expect(text(flag.shadowRoot!.querySelector('[part=kinds]'))).to.equal('2 elementos, 1 muestra biológica');
    const english = await fixture<HTMLElement>(html`<nip82-hidden-flag disclose="count-and-kind" kinds="ChargeItem"></nip82-hidden-flag>`);
    await waitUntil(() => text(english.shadowRoot?.querySelector('[part=kinds]')) !== '', 'the flag never listed kinds');
    expect(text(english.shadowRoot!.querySelector('[part=kinds]'))).to.equal('1 item');
  });

  it('the share dialog heads their group in Spanish', async () => {
    const patient = await person();
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Compartir historiales…'), 'the share button');
    buttonByText(el, 'Compartir historiales…')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, '.group h3').length === 3, 'the groups');
    const headings = $$(el, '.group h3').map((h) => text(h)).join(' | ');
    expect(headings.match(ENGLISH)?.[0] ?? '', `the group headings: ${headings}`).to.equal('');
  });
});
