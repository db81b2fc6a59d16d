/**
 * Every status a FHIR R4 resource the viewer shows can have reads as words in the page's language:
 * a visit "on leave" or "de permiso", a procedure "in preparation", a report "partly available",
 * never "onleave", "preparation" or, on a Spanish page, an English code.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { codeWordsEn } from '../components/record-viewer/code-words.js';
import { codeWordsEs } from '../components/record-viewer/code-words.es.js';
import { $$, text } from './element-helpers.js';

/** The R4 status codes (and the codes of the other value sets worded) of the resource types the viewer describes, and of a report. */
const R4: Record<string, Record<string, string[]>> = {
  status: {
    Observation: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'],
    DiagnosticReport: ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error', 'unknown'],
    Procedure: ['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown'],
    Encounter: ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'],
    MedicationRequest: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
    MedicationStatement: ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken'],
    Immunization: ['completed', 'entered-in-error', 'not-done'],
    DocumentReference: ['current', 'superseded', 'entered-in-error'],
    VisionPrescription: ['active', 'cancelled', 'draft', 'entered-in-error'],
  },
  clinicalStatus: { Condition: ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'] },
  verification: { Condition: ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'] },
  intent: { MedicationRequest: ['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'] },
};

let n = 0;
const entry = (resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000002${String(++n).padStart(2, '0')}`, resource });
const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    entry({ resourceType: 'Encounter', status: 'arrived', class: { code: 'AMB' }, type: [{ text: 'Checkup' }], period: { start: '2024-02-01' } }),
    entry({ resourceType: 'Encounter', status: 'triaged', class: { code: 'EMER' }, type: [{ text: 'Fall' }], period: { start: '2024-02-02' } }),
    entry({ resourceType: 'Encounter', status: 'onleave', class: { code: 'IMP' }, type: [{ text: 'Stay' }], period: { start: '2024-02-03' } }),
    entry({ resourceType: 'Procedure', status: 'preparation', code: { text: 'Knee scope' }, performedDateTime: '2024-02-04' }),
    entry({ resourceType: 'DiagnosticReport', status: 'partial', code: { text: 'Blood panel' }, effectiveDateTime: '2024-02-05' }),
    entry({ resourceType: 'DiagnosticReport', status: 'appended', code: { text: 'Scan report' }, effectiveDateTime: '2024-02-06' }),
  ],
} as unknown as FhirBundle;

async function statuses(lang: string): Promise<Record<string, string>> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === 6, 'the items never showed');
  const titles = ['Checkup', 'Fall', 'Stay', 'Knee scope', 'Blood panel', 'Scan report'];
  return Object.fromEntries($$(el, '[part=item]').map((item) => {
    const status = [...item.querySelectorAll('dt')].find((dt) => /^(Status|Estado)$/.test(text(dt)));
    return [titles.find((t) => text(item).startsWith(t)) ?? text(item), text(status?.nextElementSibling)];
  }));
}

describe('record viewer: every R4 status in words', () => {
  it('English words the codes that are no words', async () => {
    expect(await statuses('en')).to.deep.equal({
      Checkup: 'arrived', Fall: 'triaged', Stay: 'on leave', 'Knee scope': 'in preparation', 'Blood panel': 'partly available', 'Scan report': 'final, with later additions',
    });
    const codes = Object.entries(R4).flatMap(([set, byType]) => Object.values(byType).flat().map((code) => [set, code] as const));
    const unworded = codes.filter(([set, code]) => /[^a-z]|^onleave$/.test(code) && !Object.hasOwn(codeWordsEn[set as 'status'] ?? {}, code));
    expect(unworded, 'codes that are not English words').to.deep.equal([]);
  });

  it('Spanish words every code', async () => {
    expect(await statuses('es')).to.deep.equal({
      Checkup: 'ha llegado', Fall: 'clasificado en triaje', Stay: 'de permiso', 'Knee scope': 'en preparación', 'Blood panel': 'disponible en parte',
      'Scan report': 'definitivo, con añadidos posteriores',
    });
    const codes = Object.entries(R4).flatMap(([set, byType]) => Object.values(byType).flat().map((code) => [set, code] as const));
    const unworded = codes.filter(([set, code]) => !Object.hasOwn(codeWordsEs[set as 'status'] ?? {}, code));
    expect(unworded, 'codes without a Spanish word').to.deep.equal([]);
  });
});
