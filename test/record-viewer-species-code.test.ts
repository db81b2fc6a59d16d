/**
 * An animal's record that gives its species only as a SNOMED CT code (no text, no display) still
 * tells the reader what animal it is: "Dog" on an English page, "Perro" on a Spanish one, never the
 * number. A species the record names in words keeps the record's words.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, text } from './element-helpers.js';

const ANIMAL = 'http://hl7.org/fhir/StructureDefinition/patient-animal';
const SNOMED = 'http://snomed.info/sct';

const petRecord = (species: Record<string, unknown>) => ({
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000a1',
    resource: { resourceType: 'Patient', name: [{ given: ['Rex'] }], gender: 'male', extension: [{ url: ANIMAL, extension: [{ url: 'species', valueCodeableConcept: species }] }] },
  }],
}) as unknown as FhirBundle;

/** What the viewer says the species is: the value beside the species label. */
async function speciesShown(lang: string, species: Record<string, unknown>, label: string): Promise<string[]> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} .bundle=${petRecord(species)}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, 'dt').some((dt) => text(dt) === label), `the ${label} fact never showed`);
  return $$(el, 'dt').filter((dt) => text(dt) === label).map((dt) => text(dt.nextElementSibling as HTMLElement));
}

describe('record viewer: a species given only as a code', () => {
  it('is named in the page language, not shown as a number', async () => {
    expect(await speciesShown('en', { coding: [{ system: SNOMED, code: '448771007' }] }, 'Species')).to.deep.equal(['Dog']);
    expect(await speciesShown('es', { coding: [{ system: SNOMED, code: '448169003' }] }, 'Especie')).to.deep.equal(['Gato']);
  });

  it('keeps the record\'s own words when it has them', async () => {
    expect(await speciesShown('en', { text: 'Canis familiaris', coding: [{ system: SNOMED, code: '448771007' }] }, 'Species')).to.deep.equal(['Canis familiaris']);
  });
});
