import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { npubEncode, naddrEncode } from 'nostr-tools/nip19';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { encrypt as nip44Encrypt, getConversationKey } from 'nostr-tools/nip44';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { grantExpiration } from '../components/core/nip82/grant.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import { SignerError } from '../components/core/errors.js';
import type { Signer } from '../components/core/signers/signer.js';
import type { FhirBundle, FhirResource } from '../components/core/fhir/types.js';
import type { Nip82Event } from '../components/shared/events.js';
import { consentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { hiddenFlagStrings } from '../components/hidden-flag/hidden-flag.strings.js';
import { recordViewerStrings } from '../components/record-viewer/record-viewer.strings.js';
import { loadLanguage } from '../components/shared/language-packs.js';
import { errorCodes } from './element-helpers.js';
import { PIXEL, b64, entryOf, extrasResources } from './record-extras-helpers.js';
import { asksForKind, counting, downRelayUrl, fixture as dataFixture, litWarnings, person, relayRequests, relayUrl, sampleBundle, type Person, profileEvent } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';

// ---------------------------------------------------------------------------------------------
// Test data


function richBundle(): FhirBundle {
  const r = entryOf;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:7e0c1b7e-1111-4222-8333-944455556666' },
    entry: [
      r({ resourceType: 'Patient', id: 'p1', name: [{ use: 'official', family: 'Rivera', given: ['Ana', 'María'] }], birthDate: '1990-04-02', gender: 'female' }, 1),
      r({
        resourceType: 'AllergyIntolerance', id: 'a1', code: { text: 'Penicillin' }, criticality: 'high',
        clinicalStatus: { coding: [{ code: 'active' }] },
        reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }], recordedDate: '2019-02-10',
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Allergic to <b>penicillin</b> since childhood.</p></div>' },
      }, 2),
      r({ resourceType: 'Condition', id: 'c1', code: { text: 'Asthma' }, onsetDateTime: '2005-06', clinicalStatus: { coding: [{ code: 'active' }] } }, 3),
      r({ resourceType: 'Condition', id: 'c2', code: { text: 'Diabetes type 2' }, verificationStatus: { coding: [{ code: 'entered-in-error' }] }, recordedDate: '2020-01-01' }, 4),
      r({
        resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', authoredOn: '2023-03-15',
        medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361', display: 'Amlodipine 5 MG Oral Tablet' }] },
        dosageInstruction: [{ text: 'One tablet daily' }], requester: { display: 'Dr. Chen' },
      }, 5),
      r({ resourceType: 'Immunization', id: 'i1', status: 'completed', vaccineCode: { text: 'Tetanus' }, occurrenceDateTime: '2021-05-01', lotNumber: 'LOT-77' }, 6),
      r({
        resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2024-01-05T09:30:00Z',
        category: [{ coding: [{ code: 'laboratory' }] }],
        valueQuantity: { value: 7.8, unit: 'mmol/L' }, interpretation: [{ coding: [{ code: 'H', display: 'High' }] }],
        referenceRange: [{ low: { value: 3.9, unit: 'mmol/L' }, high: { value: 5.5, unit: 'mmol/L' } }],
      }, 7),
      r({
        resourceType: 'Observation', id: 'o2', status: 'final', effectiveDateTime: '2024-02-01',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' }] },
        component: [
          { code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: { value: 120, unit: 'mmHg' } },
          { code: { coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: { value: 80, unit: 'mmHg' } },
        ],
      }, 8),
      r({ resourceType: 'Procedure', id: 'pr1', status: 'completed', code: { text: 'Appendectomy' }, performedDateTime: '2010-08-20' }, 9),
      r({ resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB', display: 'ambulatory' }, type: [{ text: 'General check-up' }], period: { start: '2023-03-15T10:00:00Z', end: '2023-03-15T10:30:00Z' } }, 10),
      ...extrasResources().map((resource, i) => r(resource, 11 + i)),
      r({ resourceType: 'Consent', id: 'cs1', status: 'active', dateTime: '2020-01-01', scope: { text: 'Research' } }, 14),
      r({ resourceType: 'CarePlan', id: 'cp1', status: 'active', title: 'Asthma action plan', period: { start: '2018-05-01' } }, 15),
    ],
  };
}

function animalBundle(): FhirBundle {
  return {
    resourceType: 'Bundle', type: 'collection',
    entry: [{
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000aa',
      resource: {
        resourceType: 'Patient', id: 'dog', name: [{ text: 'Luna' }], birthDate: '2019', gender: 'female',
        extension: [{
          url: 'http://hl7.org/fhir/StructureDefinition/patient-animal',
          extension: [
            { url: 'species', valueCodeableConcept: { coding: [{ display: 'Dog' }] } },
            { url: 'breed', valueCodeableConcept: { text: 'Border collie' } },
          ],
        }],
      },
    }],
  };
}

const SECTION_TYPES = ['AllergyIntolerance', 'Condition', 'MedicationRequest', 'Immunization', 'Procedure', 'Encounter'] as const;

function bigBundle(n: number): FhirBundle {
  const entry = [];
  for (let i = 0; i < n; i++) {
    const type = SECTION_TYPES[i % SECTION_TYPES.length]!;
    const date = `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
    const name = i % 500 === 0 ? `Rare finding ${i}` : `Item ${i}`;
    const resource: FhirResource = { resourceType: type, id: `r${i}`, status: 'completed' };
    if (type === 'MedicationRequest') Object.assign(resource, { medicationCodeableConcept: { text: name }, authoredOn: date, intent: 'order' });
    else if (type === 'Immunization') Object.assign(resource, { vaccineCode: { text: name }, occurrenceDateTime: date });
    else if (type === 'Encounter') Object.assign(resource, { type: [{ text: name }], period: { start: date } });
    else if (type === 'Procedure') Object.assign(resource, { code: { text: name }, performedDateTime: date });
    else Object.assign(resource, { code: { text: name }, recordedDate: date });
    entry.push({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** `labs` laboratory results (one section, more than a page of them) and one document. */
function labBundle(labs = 60): FhirBundle {
  const entry = [];
  for (let i = 0; i < labs; i++) {
    const resource: FhirResource = {
      resourceType: 'Observation', id: `lab${i}`, status: 'final', code: { text: `Lab result ${i}` },
      category: [{ coding: [{ code: 'laboratory' }] }], effectiveDateTime: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      valueQuantity: { value: i, unit: 'mmol/L' },
    };
    entry.push({ fullUrl: `urn:uuid:00000000-0000-4000-8000-1${String(i).padStart(11, '0')}`, resource });
  }
  entry.push({
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-2000000000000',
    resource: { resourceType: 'DocumentReference', id: 'doc', status: 'current', description: 'Referral letter', date: '2024-02-01' },
  });
  return { resourceType: 'Bundle', type: 'collection', entry };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const root = (el: Nip82RecordViewer) => el.shadowRoot!;
/** Resolves when the element's reflected status becomes `status`. */
const statusBecomes = (el: Element, status: string) =>
  new Promise<void>((resolve) => {
    const seen = new MutationObserver(() => {
      if (el.getAttribute('status') === status) {
        seen.disconnect();
        resolve();
      }
    });
    seen.observe(el, { attributes: true, attributeFilter: ['status'] });
  });
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: Nip82RecordViewer, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Nip82RecordViewer, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const section = (el: Nip82RecordViewer, key: string) => $(el, `section[data-section="${key}"]`);
const button = (el: Nip82RecordViewer, label: RegExp) => $$<HTMLButtonElement>(el, 'button').find((b) => label.test((b.textContent ?? '').trim()));
const liveText = (el: Nip82RecordViewer) => text($(el, '[part="status"]')!);

async function viewerWith(bundle: unknown, attrs: { lang?: string; audience?: 'patient' | 'clinician' } = {}): Promise<Nip82RecordViewer> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'en'}><nip82-record-viewer audience=${attrs.audience ?? 'patient'} .bundle=${bundle}></nip82-record-viewer></div>`,
  );
  const el = wrapper.querySelector('nip82-record-viewer')!;
  await el.updateComplete;
  return el;
}

/** Every element in a shadow tree, through nested shadow roots. */
function allElements(node: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of node.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** Records every kit event the element fires. */
function recordEvents(el: HTMLElement) {
  const seen: Nip82Event[] = [];
  for (const name of ['nip82-signer-request', 'nip82-record-open', 'nip82-error', 'nip82-cancel']) {
    el.addEventListener(name, (e) => seen.push(e as Nip82Event));
  }
  return seen;
}

/** A signer whose decryptions wait until `release()` (to watch progress). */
function gatedSigner(inner: Signer): { signer: Signer; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return {
    release,
    signer: {
      getPublicKey: () => inner.getPublicKey(),
      signEvent: (t) => inner.signEvent(t),
      nip44Encrypt: (p, t) => inner.nip44Encrypt(p, t),
      nip44Decrypt: async (p, c) => {
        await gate;
        return inner.nip44Decrypt(p, c);
      },
    },
  };
}

/** A signer that knows the user's public key but refuses to decrypt. */
function refusingSigner(pubkey: string): Signer & { asked: number } {
  const s = {
    asked: 0,
    getPublicKey: async () => pubkey,
    signEvent: async () => {
      throw new SignerError('refused', 'The user refused to sign.');
    },
    nip44Encrypt: async () => {
      throw new SignerError('refused', 'The user refused to encrypt.');
    },
    nip44Decrypt: async () => {
      s.asked++;
      throw new SignerError('refused', 'The user refused to decrypt.');
    },
  };
  return s;
}

// ---------------------------------------------------------------------------------------------
// A Bundle handed in

describe('<nip82-record-viewer> with a Bundle handed in', () => {
  it('renders a summary by section with no relay and no signer', async () => {
    let el!: Nip82RecordViewer;
    const warnings = await litWarnings(async () => {
      el = await viewerWith(richBundle());
    });
    expect(warnings).to.deep.equal([]);
    expect(el.status).to.equal('done');
    expect($(el, 'button.unlock')).to.equal(null);
    const headings = $$(el, 'h3').map((h) => text(h).trim());
    expect(headings).to.deep.equal([
      'Personal details (1)', 'Allergies (1)', 'Conditions (2)', 'Medications (1)', 'Vaccinations (1)', 'Test results and measurements (1)',
      'Vital signs (1)', 'Procedures (1)', 'Visits (1)', 'Documents (2)', 'Glasses and contact lens prescriptions (1)', 'Other items (2)',
    ]);
    const patient = text(section(el, 'patient')!);
    expect(patient).to.contain('Ana María Rivera').and.contain('female').and.contain('Apr 2, 1990');
    const allergies = text(section(el, 'allergies')!);
    expect(allergies).to.contain('Penicillin').and.contain('Hives (moderate)').and.contain('Risk of a severe reaction').and.contain('high');
    expect(text(section(el, 'medications')!)).to.contain('Amlodipine 5 MG Oral Tablet').and.contain('One tablet daily').and.contain('Dr. Chen');
    expect(text(section(el, 'immunizations')!)).to.contain('Tetanus').and.contain('LOT-77').and.contain('May 1, 2021');
    const results = text(section(el, 'results')!);
    expect(results).to.contain('Glucose').and.contain('7.8 mmol/L').and.contain('Interpretationhigh').and.contain('3.9–5.5 mmol/L');
    const vitals = text(section(el, 'vitals')!);
    // Its two readings said once, in the value.
    expect(vitals).to.contain('Blood pressure panel').and.contain('120/80 mmHg').and.not.contain('Systolic blood pressure');
    expect(text(section(el, 'procedures')!)).to.contain('Appendectomy');
    // The encounter's class in words, not its code ("AMB").
    expect(text(section(el, 'encounters')!)).to.contain('General check-up').and.contain('outpatient visit').and.not.contain('AMB');
    const other = text(section(el, 'other')!);
    // Kinds in words, never a resource type's name: an item that names nothing is called by its kind.
    // A plain Consent (not a share's grant note) is an item; its id is a database key, not shown.
    expect(other).to.contain('Consent note').and.contain('active').and.contain('Jan 1, 2020').and.not.contain('no name').and.not.contain('cs1');
    expect(other).to.contain('Asthma action plan').and.contain('Care plan').and.not.contain('CarePlan');
    await expect(el).to.be.accessible();
  });

  it('shows documents: base64 text decoded as text, a URL never fetched', async () => {
    const el = await viewerWith(richBundle());
    const docs = section(el, 'documents')!;
    const details = docs.querySelector('details')!;
    expect(text(details)).to.contain('Patient discharged in good health. Señal estable.');
    expect(text(docs)).to.contain('xray.png').and.contain('not loaded');
    expect(docs.querySelector('img, a[href], iframe, object, embed')).to.equal(null);
    expect(performance.getEntriesByType('resource').some((e) => e.name === PIXEL)).to.equal(false);
  });

  it('shows a vision prescription as a lens table per eye', async () => {
    const el = await viewerWith(richBundle());
    const table = section(el, 'vision')!.querySelector('table')!;
    const rows = [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => text(c).trim()));
    expect(rows[0]).to.deep.equal(['Eye', 'Sphere', 'Cylinder', 'Axis', 'Add', 'Prism', 'Product']);
    expect(rows[1]).to.deep.equal(['Right', '-2.25', '-0.5', '180', '+1.5', '0.5 base down', 'Spectacles']);
    expect(rows[2]).to.deep.equal(['Left', '-1.75', '-0.25', '175', '+1.5', '', 'Spectacles']);
    expect(text(section(el, 'vision')!)).to.contain('Dr. Okafor');
  });

  it('reads Bundles leniently, as JSON text, and the real Synthea fixture', async () => {
    const lenient = JSON.stringify({
      resourceType: 'Bundle', type: null,
      entry: [{ resourceType: 'Condition', id: 'x1', code: { text: 'Migraine' }, note: null }, 'junk', { resource: { resourceType: 'Immunization', vaccineCode: { text: 'Influenza' } } }],
    });
    const el = await viewerWith(lenient);
    expect(el.status).to.equal('done');
    expect(text(section(el, 'problems')!)).to.contain('Migraine');
    expect(text(section(el, 'immunizations')!)).to.contain('Influenza');

    const synthea = await viewerWith(await dataFixture('synthea-patient.json'));
    expect(text(section(synthea, 'immunizations')!)).to.contain('Vaccinations (17)');
    expect(text(section(synthea, 'documents')!)).to.contain('Documents (15)');
    expect(text(section(synthea, 'patient')!)).to.contain('Denis399 Lincoln623 Schmitt836');
    await expect(synthea).to.be.accessible();
  });

  it('shows an animal patient with species and breed', async () => {
    const el = await viewerWith(animalBundle());
    const patient = text(section(el, 'patient')!);
    expect(patient).to.contain('Luna').and.contain('Species').and.contain('Dog').and.contain('Breed').and.contain('Border collie').and.contain('2019');
  });

  it('shows entered-in-error items struck through, or hides them', async () => {
    const el = await viewerWith(richBundle());
    const wrong = $$(el, 'section[data-section="problems"] [part="item"]').find((li) => text(li).includes('Diabetes'))!;
    expect(wrong.classList.contains('entered-in-error')).to.equal(true);
    expect(text(wrong)).to.contain('Entered in error');
    expect(getComputedStyle(wrong.querySelector('.title')!).textDecorationLine).to.equal('line-through');
    el.hideEnteredInError = true;
    await el.updateComplete;
    expect(text(section(el, 'problems')!)).not.to.contain('Diabetes');
    expect(text(section(el, 'problems')!)).to.contain('Conditions (1)');
  });

  it('has a timeline of dated items, newest first', async () => {
    const el = await viewerWith(richBundle());
    button(el, /^Timeline$/)!.click();
    await el.updateComplete;
    expect(el.mode).to.equal('timeline');
    expect(button(el, /^Timeline$/)!.getAttribute('aria-pressed')).to.equal('true');
    const items = $$(el, '[part="timeline"] [part="item"]');
    const times = items.map((li) => Date.parse(li.querySelector('time')!.getAttribute('datetime')!));
    expect(times.length).to.be.greaterThan(8);
    expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
    expect(text(items[0]!)).to.contain('Blood pressure panel').and.contain('Vital signs');
    expect(items.some((li) => text(li).includes('Ana María Rivera'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('filters across sections by search text and by section', async () => {
    const el = await viewerWith(richBundle());
    expect(text($(el, '.count')!)).to.contain('Showing 15 of 15 items');
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.value = 'asthma';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($$(el, 'section[part="section"]').map((s) => s.dataset.section)).to.deep.equal(['problems', 'other']);
    expect(text($(el, '.count')!)).to.contain('Showing 2 of 15 items');
    input.value = 'no such thing';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(root(el))).to.contain('Nothing matches this search.');
    await expect(el).to.be.accessible();

    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const box = $$<HTMLInputElement>(el, 'fieldset input[type="checkbox"]').find((b) => b.value === 'documents')!;
    box.click();
    await el.updateComplete;
    expect(section(el, 'documents')).to.equal(null);
    expect(text($(el, '.count')!)).to.contain('Showing 13 of 15 items');
  });

  it('toggles sanitised narratives', async () => {
    const el = await viewerWith(richBundle());
    expect($(el, '[part="narrative"]')).to.equal(null);
    const toggle = button(el, /Show original text/)!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const narrative = $(el, '[part="narrative"]')!;
    // The sanitiser is fetched the first time a narrative is shown.
    await waitUntil(() => narrative.querySelector('b'), 'the narrative never appeared');
    expect(narrative.querySelector('b')!.textContent).to.equal('penicillin');
    expect(text(narrative)).to.contain('Allergic to penicillin since childhood.');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect($(el, '[part="narrative"]')).to.equal(null);
  });

  it('shows the hidden-item flag for a Bundle with the marker, not the marker List itself', async () => {
    const base = richBundle();
    const hidden = [{ resourceType: 'Condition', id: 'h1' }, { resourceType: 'Condition', id: 'h2' }, { resourceType: 'Observation', id: 'h3' }];
    const el = await viewerWith(markWithheld(base, hidden, 'count-and-kind'));
    const flag = $(el, 'nip82-hidden-flag') as HTMLElement & { count?: number; kinds?: Record<string, number>; disclose?: string; updateComplete: Promise<unknown> };
    expect(flag).to.exist;
    await flag.updateComplete;
    expect(flag.count).to.equal(3);
    expect(flag.kinds).to.deep.equal({ Condition: 2, Observation: 1 });
    expect(flag.disclose).to.equal('count-and-kind');
    expect(text(flag.shadowRoot!)).to.match(/3/);
    expect(text(root(el))).not.to.contain('Withheld by the patient');
    expect(text($(el, '.count')!)).to.contain('of 15 items');
    await expect(el).to.be.accessible();
  });

  it('shows a bad-data state for something that is not a Bundle, and reports it', async () => {
    const el = document.createElement('nip82-record-viewer');
    const errors: Nip82Event<'nip82-error'>[] = [];
    el.addEventListener('nip82-error', (e) => errors.push(e));
    el.bundle = { resourceType: 'Patient', name: [{ text: 'Not a bundle' }] };
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect(el.status).to.equal('bad-data');
    // Plain words on screen; the core's own, naming the format, are the host's.
    expect(liveText(el)).to.equal('This record could not be read. Part of the record is damaged or not in the expected form.');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['malformed']);
    expect(errors[0]!.detail.message).to.contain('not a FHIR Bundle');
    expect(JSON.stringify(errors[0]!.detail)).not.to.contain('Not a bundle');
    expect($(el, '[part="section"]')).to.equal(null);
    expect($(el, 'button.unlock')).to.equal(null);
    await expect(el).to.be.accessible();

    el.bundle = '{ not json';
    await el.updateComplete;
    expect(el.status).to.equal('bad-data');
    expect(errors[1]!.detail.message).to.contain('not JSON');
    expect(liveText(el)).not.to.contain('JSON');
  });

  it('in Spanish the failure detail is Spanish too, the event keeps the core message, and a host can reword it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer></nip82-record-viewer></div>`);
    const el = wrapper.querySelector('nip82-record-viewer')!;
    const errors: Nip82Event<'nip82-error'>[] = [];
    el.addEventListener('nip82-error', (e) => errors.push(e));
    el.bundle = { resourceType: 'Patient' };
    await el.updateComplete;
    expect(liveText(el)).to.equal('No se pudo leer este historial. Hay datos que no tienen la forma esperada.');
    expect(errors[0]!.detail.message).to.contain('not a FHIR Bundle');
    el.strings = { errorDetail: (code: string) => `Código ${code}` };
    await el.updateComplete;
    expect(liveText(el)).to.equal('No se pudo leer este historial. Código malformed');
  });

  it('says a yes/no result in the page\'s language', async () => {
    const observation = (id: string, value: Record<string, unknown>) => ({
      fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Observation', status: 'final', code: { text: 'Smoker' }, ...value },
    });
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        observation('7e0c1b7e-1111-4222-8333-000000000001', { valueBoolean: true }),
        observation('7e0c1b7e-1111-4222-8333-000000000002', { component: [{ code: { text: 'Vaper' }, valueBoolean: false }] }),
      ],
    };
    const es = await viewerWith(bundle, { lang: 'es' });
    await waitUntil(() => es.status === 'done', 'shown');
    await es.updateComplete;
    const facts = [...es.shadowRoot!.querySelectorAll('dd')].map((d) => d.textContent!.trim());
    expect(facts).to.include('sí').and.include('no');
    expect(facts).not.to.include('yes');
    const en = await viewerWith(bundle);
    await waitUntil(() => en.status === 'done', 'shown');
    await en.updateComplete;
    expect([...en.shadowRoot!.querySelectorAll('dd')].map((d) => d.textContent!.trim())).to.include('yes').and.include('no');
  });

  it('prints and exports the FHIR JSON without firing events that carry health data', async () => {
    const el = await viewerWith(richBundle());
    const events = recordEvents(el);
    const originalPrint = window.print;
    let printed = 0;
    window.print = () => void printed++;
    const originalClick = HTMLAnchorElement.prototype.click;
    const downloads: { name: string; href: string }[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href });
    };
    try {
      button(el, /^Print$/)!.click();
      button(el, /^Download a copy$/)!.click();
    } finally {
      window.print = originalPrint;
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(printed).to.equal(1);
    expect(downloads).to.have.length(1);
    expect(downloads[0]!.name).to.equal('health-record-7e0c1b7e-1111-4222-8333-944455556666.json');
    expect(downloads[0]!.href).to.match(/^blob:/);
    const exported = await (await fetch(downloads[0]!.href)).json();
    expect(exported.resourceType).to.equal('Bundle');
    expect(exported.entry).to.have.length(15);
    expect(JSON.stringify(exported)).to.contain('Penicillin');
    expect(events).to.deep.equal([]);
  });

  it('has print styles that hide the controls', async () => {
    const el = await viewerWith(richBundle());
    const rules = (el.constructor as typeof Nip82RecordViewer).styles as unknown as { cssText: string }[];
    const css = rules.map((r) => r.cssText).join('\n');
    expect(css).to.match(/@media print[\s\S]*\.toolbar[\s\S]*display: none/);
  });

  it('stays usable with 5,000 resources: pages of 50 per section, counts and filtering', async () => {
    const el = await viewerWith(bigBundle(5000));
    expect(text($(el, '.count')!)).to.contain('Showing 5,000 of 5,000 items');
    const problems = section(el, 'problems')!;
    expect(text(problems.querySelector('h3')!)).to.equal('Conditions (834)');
    expect(problems.querySelectorAll('[part="item"]')).to.have.length(50);
    expect($$(el, '[part="item"]').length).to.equal(300);
    const more = [...problems.querySelectorAll('button')].find((b) => /Show 50 more/.test(b.textContent ?? ''))!;
    expect(text(more)).to.contain('784 not shown');
    more.click();
    await el.updateComplete;
    expect(section(el, 'problems')!.querySelectorAll('[part="item"]')).to.have.length(100);

    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.value = 'rare finding';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, '.count')!)).to.contain('Showing 10 of 5,000 items');
    expect($$(el, '[part="item"]')).to.have.length(10);
    expect($$(el, '[part="item"]').every((li) => /Rare finding \d+/.test(text(li)))).to.equal(true);

    input.value = 'item 4999';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($$(el, '[part="item"]').map((li) => text(li.querySelector('.title')!))).to.deep.equal(['Item 4999']);

    input.value = '';
    input.dispatchEvent(new Event('input'));
    button(el, /^Timeline$/)!.click();
    await el.updateComplete;
    expect($$(el, '[part="timeline"] [part="item"]')).to.have.length(50);
    expect(text($(el, '.count')!)).to.contain('Showing 5,000 of 5,000 items');
  });

  it('shows a large record a bounded number of items at a time, counts complete from the start', async () => {
    const el = document.createElement('nip82-record-viewer');
    el.bundle = bigBundle(5000);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    // What the first render that shows items shows: a mutation observer runs right after it, before the next.
    let first: { items: number; allergies: number; count: string; problems: string } | undefined;
    const seen = new MutationObserver(() => {
      const items = $$(el, '[part="item"]').length;
      if (first || items === 0) return;
      first = { items, allergies: section(el, 'allergies')!.querySelectorAll('[part="item"]').length, count: text($(el, '.count')!), problems: text(section(el, 'problems')!.querySelector('h3')!) };
    });
    wrapper.append(el);
    seen.observe(el.shadowRoot!, { childList: true, subtree: true });
    await el.updateComplete;
    seen.disconnect();
    expect(first!.items).to.be.greaterThan(0).and.lessThan(300);
    expect(first!.count).to.contain('Showing 5,000 of 5,000 items');
    expect(first!.problems).to.equal('Conditions (834)');
    // The first section fills first: what is on screen at the top is complete.
    expect(first!.allergies).to.equal(Math.min(50, first!.items));
    expect($$(el, '[part="item"]')).to.have.length(300);
    for (const s of $$(el, 'section[part="section"]')) expect(s.querySelectorAll('[part="item"]')).to.have.length(50);
  });

  it('describes a large Bundle in slices, saying so, and shows it when done', async () => {
    const el = document.createElement('nip82-record-viewer');
    el.bundle = bigBundle(5000);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    // Every status the element went through, and what it said while working (however quick the work).
    const statuses: string[] = [];
    let said = '';
    let gate: Element | null = null;
    const seen = new MutationObserver(() => {
      statuses.push(el.status);
      if (el.status === 'working' && !said) {
        said = liveText(el);
        gate = $(el, 'button.unlock');
      }
    });
    seen.observe(el, { attributes: true, attributeFilter: ['status'] });
    wrapper.append(el);
    await el.updateComplete;
    seen.disconnect();
    expect(statuses).to.include('working');
    expect(said).to.equal('Preparing 5,000 items…');
    expect(gate).to.equal(null);
    expect(el.status).to.equal('done');
    expect(text($(el, '.count')!)).to.contain('Showing 5,000 of 5,000 items');

    // Another Bundle handed in while a large one is being described: the last one handed in is shown.
    const working = statusBecomes(el, 'working');
    el.bundle = bigBundle(20000);
    await working;
    // The large one is still being described in slices when the next one is handed in.
    const stale = (el as unknown as { preparing?: Promise<void> }).preparing;
    expect(stale).to.be.instanceOf(Promise);
    el.bundle = richBundle();
    await el.updateComplete;
    expect(el.status).to.equal('done');
    expect(text($(el, '.count')!)).to.contain('Showing 15 of 15 items');
    // Once the stale description has finished, it has changed nothing.
    await stale;
    await el.updateComplete;
    expect(text($(el, '.count')!)).to.contain('Showing 15 of 15 items');
  });

  it('keeps the items on screen when another section is hidden and shown again', async () => {
    const el = await viewerWith(bigBundle(5000));
    const kept = section(el, 'problems')!.querySelector('[part="item"]')!;
    const title = text(kept.querySelector('.title')!);
    const box = $$<HTMLInputElement>(el, 'fieldset input[type="checkbox"]').find((b) => b.value === 'allergies')!;
    box.click();
    await el.updateComplete;
    expect(section(el, 'allergies')).to.equal(null);
    expect(section(el, 'problems')!.querySelector('[part="item"]')).to.equal(kept);
    box.click();
    await el.updateComplete;
    expect(section(el, 'allergies')!.querySelectorAll('[part="item"]')).to.have.length(50);
    expect(section(el, 'problems')!.querySelector('[part="item"]')).to.equal(kept);
    expect(text(kept.querySelector('.title')!)).to.equal(title);
  });

  it('typed quickly into a large record, the search ends on what was typed last', async () => {
    const el = await viewerWith(bigBundle(5000));
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.focus();
    await sendKeys({ type: 'item 4999' });
    await el.updateComplete;
    expect(input.value).to.equal('item 4999');
    expect($$(el, '[part="item"]').map((li) => text(li.querySelector('.title')!))).to.deep.equal(['Item 4999']);
    for (let i = 0; i < 'item 4999'.length; i++) await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(text($(el, '.count')!)).to.contain('Showing 5,000 of 5,000 items');
    expect($$(el, '[part="item"]')).to.have.length(300);
  });

  it('lays out only the items near the screen, and prints all of them', async () => {
    const el = await viewerWith(richBundle());
    const item = $(el, '[part="item"]')!;
    expect(getComputedStyle(item).contentVisibility).to.equal('auto');
    const rules = (el.constructor as typeof Nip82RecordViewer).styles as unknown as { cssText: string }[];
    const css = rules.map((r) => r.cssText).join('\n');
    expect(css).to.match(/@media print[\s\S]*\.item \{[^}]*content-visibility: visible/);
  });

  it('takes string overrides, and speaks Spanish', async () => {
    const el = await viewerWith(richBundle());
    el.strings = { section_allergies: 'Sensitivities', print: 'Print it', showing: (a: string, b: string) => `${a}/${b}` };
    await el.updateComplete;
    expect(text(section(el, 'allergies')!.querySelector('h3')!)).to.equal('Sensitivities (1)');
    expect(button(el, /^Print it$/)).to.exist;
    expect(text($(el, '.count')!)).to.equal('15/15');

    const es = await viewerWith(richBundle(), { lang: 'es' });
    expect(text(section(es, 'allergies')!.querySelector('h3')!)).to.equal('Alergias (1)');
    expect(button(es, /^Imprimir$/)).to.exist;
    expect(button(es, /^Cronología$/)).to.exist;
    expect(text(section(es, 'immunizations')!)).to.contain('1 may 2021');
    expect(text($(es, '.count')!)).to.contain('Mostrando 15 de 15 elementos');
    // Codes in Spanish words: a status, a risk, a reaction's severity, a gender, an encounter's class.
    expect(text(section(es, 'allergies')!)).to.contain('activo').and.contain('Riesgo de reacción grave').and.contain('alto').and.contain('Hives (moderada)');
    expect(text(section(es, 'patient')!)).to.contain('femenino').and.not.contain('female');
    expect(text(section(es, 'results')!)).to.contain('análisis de laboratorio').and.not.contain('laboratory');
    expect(text(section(es, 'encounters')!)).to.contain('consulta ambulatoria').and.contain('terminado').and.not.contain('finished');
    await expect(es).to.be.accessible();
  });
});

describe('<nip82-record-viewer> printing', () => {
  const items = (el: Nip82RecordViewer) => $$(el, 'li.item');
  /** Elements that print media lays out (display: none leaves no box). */
  const laidOut = (list: Element[]) => list.filter((e) => e.getClientRects().length > 0);
  const notes = (el: Nip82RecordViewer, words = /not in this printout/) => $$(el, '*').filter((e) => e.children.length === 0 && words.test(e.textContent ?? ''));
  const countText = (el: Nip82RecordViewer) => $(el, '.count')!.innerText.replace(/\s+/g, ' ').trim();
  const originalPrint = window.print;

  afterEach(async () => {
    window.print = originalPrint;
    window.dispatchEvent(new Event('afterprint'));
    await emulateMedia({ media: 'screen' });
  });

  it('the Print button prints every item that matches, and afterwards shows a page per section again', async () => {
    const el = await viewerWith(labBundle());
    expect(items(el)).to.have.length(51);
    await emulateMedia({ media: 'print' });
    let atPrint: { items: number; laidOut: number; notes: number; count: string } | undefined;
    let calls = 0;
    window.print = () => {
      calls++;
      atPrint = { items: items(el).length, laidOut: laidOut(items(el)).length, notes: laidOut(notes(el)).length, count: countText(el) };
    };
    button(el, /^Print$/)!.click();
    await waitUntil(() => atPrint, 'print was never called');
    expect(calls).to.equal(1);
    expect(atPrint).to.deep.equal({ items: 61, laidOut: 61, notes: 0, count: 'Showing 61 of 61 items' });

    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    await emulateMedia({ media: 'screen' });
    expect(items(el)).to.have.length(51);
    expect(button(el, /^Show 10 more/)).to.exist;
    expect(calls).to.equal(1);
  });

  it('a keyboard user who shows the last items of a list goes on from the first of them, in sections and in the timeline', async () => {
    const el = await viewerWith(labBundle());
    const labs = () => [...section(el, 'results')!.querySelectorAll<HTMLElement>('[part="item"]')];
    expect(labs()).to.have.length(50);
    button(el, /^Show 10 more/)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => labs().length === 60 && !button(el, /^Show \d+ more/), 'the last ten were never shown');
    const focused = () => (root(el).activeElement as HTMLElement | null)?.querySelector('.title')?.textContent ?? root(el).activeElement?.tagName ?? 'the page';
    expect(focused()).to.equal(labs()[50].querySelector('.title')!.textContent);

    el.mode = 'timeline';
    await el.updateComplete;
    const dated = () => $$(el, 'ol.timeline > [part="item"]');
    expect(dated()).to.have.length(50);
    button(el, /^Show \d+ more/)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(el, /^Show \d+ more/), 'the timeline\'s last items were never shown');
    expect(focused()).to.equal(dated()[50].querySelector('.title')!.textContent);
  });

  it('prints what the filters keep, in the timeline too', async () => {
    const el = await viewerWith(labBundle(120));
    el.mode = 'timeline';
    await el.updateComplete;
    expect(items(el)).to.have.length(50);
    let printed = -1;
    window.print = () => void (printed = items(el).length);
    button(el, /^Print$/)!.click();
    await waitUntil(() => printed >= 0, 'print was never called');
    expect(printed).to.equal(121);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    el.mode = 'summary';
    const search = $<HTMLInputElement>(el, 'input[type="search"]')!;
    search.value = 'Lab result';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    printed = -1;
    button(el, /^Print$/)!.click();
    await waitUntil(() => printed >= 0, 'print was never called');
    expect(printed).to.equal(120);
  });

  it('printed from the browser\'s menu with items left out, says so per section and never counts them as shown', async () => {
    const el = await viewerWith(labBundle());
    // On screen the note is not there (the "Show more" button is), and the count counts what matches.
    expect(laidOut(notes(el))).to.have.length(0);
    expect(countText(el)).to.equal('Showing 61 of 61 items');
    await emulateMedia({ media: 'print' });
    const shown = laidOut(notes(el));
    expect(shown).to.have.length(1);
    expect(shown[0]!.closest('section')!.getAttribute('data-section')).to.equal('results');
    expect(text(shown[0]!).trim()).to.equal('10 more items are not in this printout: use the Print button.');
    expect(countText(el)).to.not.contain('61 of 61');
    expect(countText(el)).to.equal('Showing 51 of 61 items');
  });

  it('says it in Spanish, with the Print button\'s own words', async () => {
    const el = await viewerWith(labBundle(), { lang: 'es' });
    el.strings = { print: 'Imprimir todo' };
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    const shown = laidOut(notes(el, /en esta impresión/));
    expect(shown).to.have.length(1);
    expect(text(shown[0]!).trim()).to.equal('Faltan 10 elementos más en esta impresión: use el botón Imprimir todo.');
    expect(countText(el)).to.equal('Mostrando 51 de 61 elementos');
  });

  it('printed from the browser\'s menu, a small record is printed whole at once', async () => {
    const el = await viewerWith(labBundle());
    window.dispatchEvent(new Event('beforeprint'));
    // The browser lays the page out for print as soon as the event returns: nothing may wait.
    expect(items(el)).to.have.length(61);
    await emulateMedia({ media: 'print' });
    expect(laidOut(notes(el))).to.have.length(0);
    expect(countText(el)).to.equal('Showing 61 of 61 items');
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(items(el)).to.have.length(51);
  });

  it('printed from the browser\'s menu, a large record keeps its pages and says what is left out', async () => {
    const el = await viewerWith(bigBundle(5000));
    window.dispatchEvent(new Event('beforeprint'));
    expect(items(el)).to.have.length(300);
    await emulateMedia({ media: 'print' });
    expect(laidOut(notes(el))).to.have.length(6);
    expect(countText(el)).to.equal('Showing 300 of 5,000 items');
  });

  it('says that it prepares the printout while the items render, keeps the busy button focused, and a second press does nothing', async () => {
    const el = await viewerWith(bigBundle(3000));
    const print = button(el, /^Print$/)!;
    const busy = () => print.getAttribute('aria-disabled');
    // What the status line and the button said each time the printout's items grew, and at the print.
    const whileRendering: string[] = [];
    let atPrint: string | undefined;
    let calls = 0;
    let last = items(el).length;
    const watch = new MutationObserver(() => {
      const now = items(el).length;
      if (now === last) return;
      last = now;
      whileRendering.push(`${liveText(el).trim()} | ${busy()}`);
      // Pressed again while items are still to come.
      if (whileRendering.length === 1) print.click();
    });
    watch.observe(root(el), { childList: true, subtree: true });
    window.print = () => {
      calls++;
      atPrint = `${liveText(el).trim()} | ${busy()} | ${items(el).length}`;
    };
    print.focus();
    print.click();
    await waitUntil(() => atPrint, 'print was never called', { timeout: 20000 });
    watch.disconnect();
    expect(whileRendering.length).to.be.greaterThan(1);
    expect([...new Set(whileRendering)]).to.deep.equal(['Preparing 3,000 items for printing… | true']);
    expect(atPrint).to.equal(' | false | 3000');
    expect(calls).to.equal(1);
    expect(root(el).activeElement).to.equal(print);
  });

  it('prints all of 10,000 items from the Print button', async () => {
    const el = await viewerWith(bigBundle(10000));
    let printed = -1;
    window.print = () => void (printed = items(el).length);
    button(el, /^Print$/)!.click();
    await waitUntil(() => printed >= 0, 'print was never called', { timeout: 40000 });
    expect(printed).to.equal(10000);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(items(el)).to.have.length(300);
  });
});

describe('<nip82-record-viewer> speaks the kit\'s one vocabulary', () => {
  // Kinds whose section holds that kind alone, with the section showing them.
  const kinds = { Condition: 'problems', Immunization: 'immunizations', Encounter: 'encounters', AllergyIntolerance: 'allergies', Procedure: 'procedures', DocumentReference: 'documents' };
  const heading = (el: Nip82RecordViewer, key: string) => text(section(el, key)!.querySelector('h3')!).trim().replace(/ \(\d+\)$/, '');

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: a section is named as the consent prompt names its kind for patients, and as the hidden-item flag does for clinicians`, async () => {
      const patient = await viewerWith(richBundle(), { lang });
      const clinician = await viewerWith(richBundle(), { lang, audience: 'clinician' });
      // The tables compared with: every pack of the language, this file's other elements' too.
      await loadLanguage(lang);
      for (const [type, key] of Object.entries(kinds)) {
        expect(heading(patient, key), `${type} for patients`).to.equal(consentPromptStrings[lang]!.typeHeading(type));
        // The flag counts kinds ("2 problems"); the heading is the same word.
        const flagWord = hiddenFlagStrings[lang]!.kind(type, 2, '2').replace(/^2 /, '');
        expect(heading(clinician, key).toLocaleLowerCase(lang), `${type} for clinicians`).to.equal(flagWord.toLocaleLowerCase(lang));
      }
      // Patient words and clinician words differ where the kit's map says they do.
      expect(heading(patient, 'problems')).not.to.equal(heading(clinician, 'problems'));
      expect(heading(patient, 'immunizations')).not.to.equal(heading(clinician, 'immunizations'));
    });
  }

  it('keeps a count beside each section name, and every section name overridable', async () => {
    const el = await viewerWith(richBundle());
    expect(text(section(el, 'immunizations')!.querySelector('h3')!)).to.equal('Vaccinations (1)');
    expect(text(section(el, 'problems')!.querySelector('h3')!)).to.equal('Conditions (2)');
    el.strings = { section_immunizations: 'Shots', kind: (type: string) => `kind ${type}` };
    await el.updateComplete;
    expect(text(section(el, 'immunizations')!.querySelector('h3')!)).to.equal('Shots (1)');
    expect(text(section(el, 'other')!)).to.contain('kind Consent');
  });

  it('speaks Spanish in one register (usted) and with one word for record (historial)', async () => {
    // Every built-in Spanish string, as the element could show it.
    await loadLanguage('es');
    const es = recordViewerStrings.es as unknown as Record<string, unknown>;
    const said = Object.entries(es).map(([key, value]) => (typeof value === 'function' ? (value as (...a: unknown[]) => string)('1', 'Ana') : `${key}: ${String(value)}`));
    // And what it shows of a record and before unlocking.
    const shown = await viewerWith(richBundle(), { lang: 'es' });
    const gate = (await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer></nip82-record-viewer></div>`)).querySelector('nip82-record-viewer')!;
    await gate.updateComplete;
    const all = [...said, text(root(shown)), text(root(gate))].join('\n');
    expect(all).to.contain('historial').and.contain('Usted ocultó');
    expect(all).not.to.match(/\bregistros?\b/i);
    // The familiar register (tú): its pronouns and the verb forms the tables once used.
    expect(all).not.to.match(/(^|[^\p{L}])(tú|tu|tus|te|ti|contigo)(?!\p{L})/iu);
    expect(all).not.to.match(/ocultaste|puedes|elige|revisa\b|vuelve a/i);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile content

describe('<nip82-record-viewer> with hostile content', () => {
  const flag = '__nip82RecordViewerPwned';
  const hostileDiv = `<div xmlns="http://www.w3.org/1999/xhtml">
    <script>window.${flag}=1</script>
    <img src="${PIXEL}" onerror="window.${flag}=2" alt="pixel">
    <a href="javascript:window.${flag}=3" id="bad">click me</a>
    <a href="https://example.org/ok">fine link</a>
    <p style="background-image:url(${PIXEL})" onclick="window.${flag}=4">styled</p>
    <style>div { background: url(${PIXEL}) }</style>
    <svg onload="window.${flag}=5"><image href="${PIXEL}"></image></svg>
    <iframe src="javascript:window.${flag}=6"></iframe>
    <object data="${PIXEL}"></object>
    <form action="${PIXEL}"><input name="x"><button formaction="javascript:window.${flag}=7">go</button></form>
    <math><mtext><table><mglyph><style><img src=${PIXEL} onerror=window.${flag}=8></style></mglyph></table></mtext></math>
  </div>`;

  function hostileBundle(): FhirBundle {
    return {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000f1', resource: {
          resourceType: 'Condition', id: 'evil',
          code: { text: `<img src="${PIXEL}" onerror="window.${flag}=9"><script>window.${flag}=10</script>` },
          text: { status: 'generated', div: hostileDiv },
        } },
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000f2', resource: {
          resourceType: 'Observation', id: 'evil2', status: 'final', code: { text: 'javascript:alert(1)' },
          valueString: `background: url(${PIXEL})`,
          text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><img src="${PIXEL}"/></div>` },
        } },
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000f3', resource: {
          resourceType: 'DocumentReference', id: 'evil3', status: 'current', description: `<a href="javascript:window.${flag}=11">doc</a>`,
          content: [
            { attachment: { contentType: 'text/plain', data: b64(`<script>window.${flag}=12</script><img src="${PIXEL}" onerror="window.${flag}=13">`) } },
            { attachment: { contentType: 'image/png', url: PIXEL } },
            { attachment: { contentType: 'text/html', data: b64(`<img src="${PIXEL}">`) } },
          ],
        } },
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000f4', resource: {
          resourceType: `Basic`, id: 'evil4', code: { text: `<svg onload="window.${flag}=14">` },
        } },
      ],
    };
  }

  it('renders narratives and string fields inert: no script, no handlers, no javascript: link, no remote load', async () => {
    const requested: string[] = [];
    const observer = new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource', buffered: true });
    try {
      const el = await viewerWith(hostileBundle());
      button(el, /Show original text/)!.click();
      await el.updateComplete;
      await waitUntil(() => $(el, '[part="narrative"] a'), 'the narratives never appeared');
      for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
      // A control load to an address that does not answer, to show such a request would be seen.
      const control = new Image();
      control.src = 'http://127.0.0.1:9/control.png';
      // Made after every image in the narratives was in the page, to the same dead address: once it
      // is observed, a request for the pixel would have been observed before it.
      await waitUntil(() => requested.some((n) => n.includes('/control.png')), 'the control request was not observed', { timeout: 5000 });

      expect((window as unknown as Record<string, unknown>)[flag]).to.equal(undefined);
      const elements = allElements(root(el));
      const handlers = elements.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)));
      expect(handlers.map((e) => e.outerHTML)).to.deep.equal([]);
      expect(elements.filter((e) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'svg', 'SVG', 'math'].includes(e.tagName))
        .filter((e) => !e.closest('svg[aria-hidden="true"]') && e.getRootNode() === root(el))).to.deep.equal([]);
      expect(elements.filter((e) => (e.getAttribute('style') ?? '').includes('url('))).to.deep.equal([]);

      const narrative = $(el, '[part="narrative"]')!;
      const bad = narrative.querySelector('a#narrative-bad')!;
      expect(bad).to.exist;
      expect(bad.hasAttribute('href')).to.equal(false);
      const good = [...narrative.querySelectorAll('a')].find((a) => a.textContent === 'fine link')!;
      expect(good.getAttribute('href')).to.equal('https://example.org/ok');
      expect(good.getAttribute('rel')).to.contain('noopener');
      const imgs = $$<HTMLImageElement>(el, '[part="narrative"] img');
      expect(imgs.length).to.be.greaterThan(0);
      for (const img of imgs) expect(img.hasAttribute('src')).to.equal(false);
      expect($$(el, 'a[href^="javascript:" i], [src^="javascript:" i], [formaction]')).to.deep.equal([]);

      // Hostile strings are shown as text.
      expect(text(root(el))).to.contain(`<img src="${PIXEL}" onerror="window.${flag}=9">`);
      expect(text(root(el))).to.contain(`<script>window.${flag}=12</script>`);
      expect(text(root(el))).to.contain(`background: url(${PIXEL})`);

      expect(requested.filter((n) => n.includes('pixel.png'))).to.deep.equal([]);
      expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('pixel.png'))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      observer.disconnect();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Records from a real relay

describe('<nip82-record-viewer> against a real relay', () => {
  let patient: Person;

  const relay = sharedRelayClient();
  before(async () => {
    patient = await person();
  });

  async function recordFor(reader: Person, bundle: unknown = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`)) {
    const events = await createRecord({ bundle, author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(events);
    return events;
  }

  async function viewer(signer?: Signer, extra: { naddr?: string; relays?: string } = {}) {
    const el = await fixture<Nip82RecordViewer>(
      html`<nip82-record-viewer relays=${extra.relays ?? relay.url} naddr=${extra.naddr ?? ''} .signer=${signer}></nip82-record-viewer>`,
    );
    await el.updateComplete;
    return el;
  }

  it('waits for the user: nothing is unlocked on load', async () => {
    const reader = await person();
    const events = await recordFor(reader);
    const signer = counting(reader.signer);
    let requested = false;
    document.addEventListener('nip82-signer-request', () => { requested = true; }, { once: true });
    const el = await viewer(signer);
    await el.updateComplete;
    // A load-time unlock would ask the relay for the reader's records first; a round trip of our
    // own to the same relay lets such a request arrive before we look.
    await relay.client.query({ ids: [events[0]!.id] });
    expect(await relayRequests('main', reader.pubkey)).to.deep.equal([]);
    expect(requested).to.equal(false);
    expect(signer.calls).to.deep.equal({});
    expect(el.status).to.equal('idle');
    expect(text($(el, '.gate')!)).to.contain('Your records are encrypted');
    expect(button(el, /^Unlock my records$/)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('unlocks the records shared with the reader and shows them, one signer call per record', async () => {
    const reader = await person();
    await recordFor(reader);
    const signer = counting(reader.signer);
    const el = await viewer(signer);
    const events = recordEvents(el);
    const warnings = await litWarnings(async () => {
      button(el, /^Unlock my records$/)!.click();
      await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
      await el.updateComplete;
    });
    expect(warnings).to.deep.equal([]);
    expect(signer.calls.nip44Decrypt).to.equal(1);
    expect(liveText(el)).to.contain('1 record unlocked.');
    expect(text(section(el, 'allergies')!)).to.contain('Penicillin');
    expect(text(section(el, 'immunizations')!)).to.contain('Tetanus');
    const provenance = text($(el, '[part="provenance"]')!);
    expect(provenance).to.contain(npubEncode(patient.pubkey).slice(0, 10)).and.contain('signature checked').and.contain('viewer (read only)');
    expect($(el, '.unverified')).to.equal(null);
    expect($(el, 'nip82-hidden-flag')).to.equal(null);

    expect(events.map((e) => e.type)).to.deep.equal(['nip82-signer-request', 'nip82-record-open']);
    expect(events[0]!.cancelable).to.equal(true);
    expect(events[0]!.detail).to.deep.equal({ action: 'unlock', source: 'nip82-record-viewer' });
    const open = events[1]!.detail as Nip82Event<'nip82-record-open'>['detail'];
    expect(open.records).to.have.length(1);
    expect(open.records[0]!.role).to.equal('viewer');
    expect(open.records[0]!.parts).to.deep.equal({ have: 1, total: 1 });
    expect(JSON.stringify(open)).not.to.match(/Penicillin|Rivera|Tetanus/);
    await expect(el).to.be.accessible();

    // A different signer (another user signed in): what was unlocked leaves the screen.
    el.signer = (await person()).signer;
    await el.updateComplete;
    expect(text(root(el))).not.to.contain('Penicillin');
    expect(el.status).to.equal('idle');
  });

  it('unlocks one record by naddr and shows the hidden-item flag of a share', async () => {
    const reader = await person();
    const own = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    const mine = await openRecord(own, patient.signer);
    const condition = mine.bundle.entry!.find((e) => e.resource.resourceType === 'Condition')!;
    const share = await createShare({
      from: [mine], withhold: [condition.fullUrl!], disclose: 'count-and-kind', author: patient.signer,
      participants: [{ pubkey: reader.pubkey, role: 'viewer' }],
    });
    await relay.client.publishAll(share);
    const naddr = naddrEncode({ kind: RECORD_KIND, pubkey: share[0]!.pubkey, identifier: share[0]!.tags.find((t) => t[0] === 'd')![1]! });
    const el = await viewer(reader.signer, { naddr });
    expect(text($(el, '.gate')!)).to.contain('This record is encrypted');
    const request = oneEvent(el, 'nip82-signer-request');
    button(el, /^Unlock this record$/)!.click();
    expect((await request).detail.records).to.deep.equal([naddr]);
    await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
    await el.updateComplete;
    const flag = $(el, 'nip82-hidden-flag') as HTMLElement & { count?: number; kinds?: Record<string, number>; updateComplete: Promise<unknown> };
    expect(flag).to.exist;
    await flag.updateComplete;
    expect(flag.count).to.equal(1);
    expect(flag.kinds).to.deep.equal({ Condition: 1 });
    expect(text(root(el))).not.to.contain('Chlamydia');
    expect(text(root(el))).not.to.contain('Withheld by the patient');
    expect(text(section(el, 'allergies')!)).to.contain('Penicillin');
    await expect(el).to.be.accessible();
  });

  it('shows a share whose end date has passed as ended, and a current one with its last day', async () => {
    const reader = await person();
    const own = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    const mine = await openRecord(own, patient.signer);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const shareUntil = async (until: string, expires: boolean) => {
      const { source, fullUrl } = consentSource(mine, grantConsent({ patient: patient.pubkey, recipient: reader.pubkey, role: 'viewer', until }));
      const events = await createShare({
        from: [mine, source], include: [...mine.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer,
        participants: [{ pubkey: reader.pubkey, role: 'viewer' }], ...(expires ? { expiresAt: grantExpiration(until) } : {}),
      });
      expect(events.every((e) => e.tags.some((t) => t[0] === 'expiration')), 'expiration tag').to.equal(expires);
      await relay.client.publishAll(events);
      return naddrEncode({ kind: RECORD_KIND, pubkey: events[0]!.pubkey, identifier: events[0]!.tags.find((t) => t[0] === 'd')![1]! });
    };
    // A relay that honours NIP-40 refuses an expired share outright, so the ended one was kept by a relay that does not.
    const ended = await shareUntil('2026-01-01', false);
    const current = await shareUntil(day(30), true);

    let el = await viewer(reader.signer, { naddr: ended });
    button(el, /^Unlock this record$/)!.click();
    await waitUntil(() => el.status === 'done', 'unlocked', { timeout: 15000 });
    await el.updateComplete;
    const note = $(el, '[part="share-ended"]');
    expect(text(note!)).to.equal('This share ended on Jan 1, 2026. It shows the record as it was then, not as it is now.');
    expect($(el, '[part="record"]')!.classList.contains('ended')).to.equal(true);
    // Said first, before any item of the record.
    expect(note!.compareDocumentPosition(section(el, 'allergies')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    el = await viewer(reader.signer, { naddr: current });
    button(el, /^Unlock this record$/)!.click();
    await waitUntil(() => el.status === 'done', 'unlocked', { timeout: 15000 });
    await el.updateComplete;
    expect($(el, '[part="share-ended"]')).to.equal(null);
    expect(text($(el, '[part="share-until"]')!)).to.match(/^Shared with you until [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/);
    await expect(el).to.be.accessible();
  });

  it('shows progress while unlocking many records', async () => {
    const reader = await person();
    for (let i = 0; i < 3; i++) await recordFor(reader);
    const { signer, release } = gatedSigner(reader.signer);
    const el = await viewer(signer);
    button(el, /^Unlock my records$/)!.click();
    await waitUntil(() => $(el, 'progress'), 'no progress shown', { timeout: 10000 });
    const progress = $<HTMLProgressElement>(el, 'progress')!;
    expect(progress.max).to.equal(3);
    expect(progress.value).to.equal(0);
    expect(liveText(el)).to.contain('Unlocking 1 of 3…');
    expect(el.status).to.equal('waiting-signer');
    expect(text(root(el))).to.contain('each one you shared (once each)');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => el.status === 'done', 'never finished', { timeout: 15000 });
    await el.updateComplete;
    expect($(el, 'progress')).to.equal(null);
    expect(liveText(el)).to.contain('3 records unlocked.');
    expect($$(el, '[part="record"]')).to.have.length(3);
    expect($$(el, '[part="record"] h2').map((h) => text(h))).to.deep.equal([1, 2, 3].map((i) => `Record ${i} of 3: Ana Rivera`));
    expect($$(el, '[part="provenance"]')).to.have.length(3);
  });

  it('explains what to do when there is no signer', async () => {
    const el = await viewer(undefined);
    const errors: string[] = [];
    el.addEventListener('nip82-signer-request', () => errors.push('asked'));
    button(el, /^Unlock my records$/)!.click();
    await el.updateComplete;
    expect(el.status).to.equal('no-signer');
    expect(liveText(el)).to.contain('add a signer extension to this browser').and.contain('your signer app').and.not.contain('bunker://');
    expect(button(el, /^Try again$/)).to.exist;
    expect(errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows a refused state when the signer declines', async () => {
    const reader = await person();
    await recordFor(reader);
    await recordFor(reader);
    const signer = refusingSigner(reader.pubkey);
    const el = await viewer(signer);
    const error = oneEvent(el, 'nip82-error');
    button(el, /^Unlock my records$/)!.click();
    expect((await error).detail.code).to.equal('refused');
    await el.updateComplete;
    expect(el.status).to.equal('refused');
    expect(signer.asked).to.equal(1);
    expect(liveText(el)).to.contain('Your signer declined');
    expect($(el, '[part="section"]')).to.equal(null);
    expect(button(el, /^Try again$/)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('does nothing when the host cancels the signer request', async () => {
    const reader = await person();
    await recordFor(reader);
    const signer = counting(reader.signer);
    const el = await viewer(signer);
    el.addEventListener('nip82-signer-request', (e) => e.preventDefault());
    button(el, /^Unlock my records$/)!.click();
    await el.updateComplete;
    // Cancelling is decided before any await: had it been ignored, the signer would already have been asked.
    expect(el.status).to.equal('cancelled');
    expect(signer.calls).to.deep.equal({});
    expect(liveText(el)).to.contain('Unlocking was cancelled');
    await expect(el).to.be.accessible();
  });

  it('reports relays that cannot be reached, per relay', async () => {
    const reader = await person();
    const down = await downRelayUrl();
    const el = await viewer(reader.signer, { relays: down });
    const error = oneEvent(el, 'nip82-error');
    button(el, /^Unlock my records$/)!.click();
    expect((await error).detail.code).to.equal('relay-unavailable');
    await el.updateComplete;
    expect(el.status).to.equal('relay-error');
    expect(liveText(el)).to.contain('The storage servers could not be reached.');
    expect(text($(el, '.relays')!)).to.contain(down);
    await expect(el).to.be.accessible();
  });

  it('names the author by their profile beside the npub, and waits for the signer while it is asked who the user is', async () => {
    const reader = await person();
    const clinic = await person();
    const profile = await profileEvent(clinic, 'Lakeside Hospital');
    await relay.client.publish(profile);
    const events = await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(events);

    let answer!: () => void;
    const asked = new Promise<void>((resolve) => { answer = resolve; });
    const signer: Signer = { ...reader.signer, getPublicKey: async () => { await asked; return reader.pubkey; } };
    const el = await viewer(signer);
    button(el, /^Unlock my records$/)!.click();
    await el.updateComplete;
    expect(el.status).to.equal('waiting-signer');
    expect(liveText(el)).not.to.contain('Looking for records');
    answer();
    await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
    await waitUntil(() => text($(el, '[part="provenance"]')!).includes('Lakeside Hospital'), 'author named', { timeout: 5000 });
    expect(text($(el, '[part="provenance"] dd')!)).to.match(/^Lakeside Hospital npub1\S+ · signature checked$/);
    await expect(el).to.be.accessible();
  });

  it('asks relays for an author\'s profile only when the author is listed on the record and verified', async () => {
    const profileOf = async (who: Person, name: string) =>
      relay.client.publish(await profileEvent(who, name));
    // Records whose author speaks through the inner signature (no per-item attestation), so the
    // author alone decides whether a name is looked up.
    const opened = async (author: Person) =>
      openRecord(await createRecord({ bundle: sampleBundle(), author: author.signer, participants: [], attest: false }), author.signer);
    // Each case shows the record beside a control whose author is listed and verified: the names
    // are looked up in one request, so once the control's name is shown the lookup has been made.
    const shownBeside = async (record: Awaited<ReturnType<typeof opened>>) => {
      const control = await person();
      await profileOf(control, 'Control Clinic');
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay.url} .records=${[record, await opened(control)]}></nip82-record-viewer>`);
      await waitUntil(() => text(root(el)).includes('Control Clinic'), 'the control author was never named', { timeout: 10000 });
      expect(asksForKind(await relayRequests('main', control.pubkey), 0)).to.equal(true);
      return el;
    };

    const listed = await person();
    await profileOf(listed, 'Harbor Clinic');
    const el = await shownBeside(await opened(listed));
    expect(text(root(el))).to.contain('Harbor Clinic');
    expect(asksForKind(await relayRequests('main', listed.pubkey), 0)).to.equal(true);

    // Not listed: its key is known only inside the encryption, so relays are not asked about it.
    const unlisted = await person();
    await profileOf(unlisted, 'Unlisted Clinic');
    const hidden = await shownBeside({ ...(await opened(unlisted)), listed: [] });
    expect(text(root(hidden))).not.to.contain('Unlisted Clinic');
    expect(await relayRequests('main', unlisted.pubkey)).to.deep.equal([]);

    // Listed but unverified: a self-chosen name would lend it trust it has not earned.
    const unverified = await person();
    await profileOf(unverified, 'Unverified Clinic');
    const doubtful = await shownBeside({ ...(await opened(unverified)), authorVerified: false });
    expect(text(root(doubtful))).not.to.contain('Unverified Clinic');
    expect(await relayRequests('main', unverified.pubkey)).to.deep.equal([]);
  });

  it('looks profiles up without the user\'s signer: a relay that wants AUTH is not answered with a signature', async () => {
    const reader = await person();
    const clinic = await person();
    await relay.client.publish(await profileEvent(clinic, 'Bayside Clinic'));
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: clinic.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }), reader.signer);
    const signer = counting(reader.signer);
    const both = `${await relayUrl('auth')} ${relay.url}`;
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${both} .signer=${signer} .records=${[record]}></nip82-record-viewer>`);
    // The name comes from one lookup across both relays, so once it is shown the AUTH-restricted one has answered too.
    await waitUntil(() => text(root(el)).includes('Bayside Clinic'), 'the author was never named', { timeout: 10000 });
    expect(signer.calls).to.deep.equal({});
    expect(asksForKind(await relayRequests('auth', clinic.pubkey), 0)).to.equal(true);
  });

  it('names each section by its record when several are shown (landmarks stay unique)', async () => {
    const reader = await person();
    await recordFor(reader);
    // Other items (other fullUrls) of the same kinds: the same items twice would be shown once.
    await recordFor(reader, JSON.parse(JSON.stringify(sampleBundle()).replaceAll('6a1f0bb2-6f0e', '7b2f0bb2-6f0e')));
    const el = await viewer(reader.signer);
    button(el, /^Unlock my records$/)!.click();
    await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
    await el.updateComplete;
    const names = $$(el, 'section[part=section]').map((sec) =>
      sec.getAttribute('aria-labelledby')!.split(' ').map((id) => text(root(el).getElementById(id)!)).join(' '));
    expect(names).to.include('Record 1 of 2: Ana Rivera Allergies (1)').and.include('Record 2 of 2: Ana Rivera Allergies (1)');
    expect(new Set(names).size).to.equal(names.length);
    await expect(el).to.be.accessible();
  });

  it('shows an item carried by several records once', async () => {
    const reader = await person();
    await recordFor(reader);
    await recordFor(reader);
    const el = await viewer(reader.signer);
    button(el, /^Unlock my records$/)!.click();
    await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
    await el.updateComplete;
    expect($$(el, 'article[part=record]')).to.have.length(2);
    const allergies = $$(el, 'section[data-section=allergies] li[part~=item]');
    expect(allergies).to.have.length(1);
  });

  it('shows that it is searching the relays, then a timed-out signer', async () => {
    const reader = await person();
    const slow = await relayUrl('slow');
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] });
    const slowClient = new RelayClient({ relays: [slow] });
    try {
      await slowClient.publishAll(events);
    } finally {
      slowClient.close();
    }
    const signer: Signer = {
      getPublicKey: async () => reader.pubkey,
      signEvent: (t) => reader.signer.signEvent(t),
      nip44Encrypt: (p, t) => reader.signer.nip44Encrypt(p, t),
      nip44Decrypt: async () => {
        throw new SignerError('timeout', 'The signer did not answer within 30 s.');
      },
    };
    const el = await viewer(signer, { relays: slow });
    const codes = errorCodes(el);
    button(el, /^Unlock my records$/)!.click();
    await waitUntil(() => el.status === 'working', 'never searched', { timeout: 5000 });
    await el.updateComplete;
    expect(liveText(el)).to.contain('Looking for your records on your storage servers');
    // Busy, yet it keeps the keyboard's focus: aria-disabled, not disabled.
    expect($<HTMLButtonElement>(el, 'button.unlock')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.status === 'timed-out', 'never timed out', { timeout: 15000 });
    await el.updateComplete;
    expect(codes).to.deep.equal(['timeout']);
    expect(liveText(el)).to.contain('did not answer in time');
    expect(button(el, /^Try again$/)!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says when no relays are configured', async () => {
    const reader = await person();
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .signer=${reader.signer}></nip82-record-viewer>`);
    const errors: Nip82Event<'nip82-error'>[] = [];
    el.addEventListener('nip82-error', (e) => errors.push(e));
    button(el, /^Unlock my records$/)!.click();
    await waitUntil(() => el.status === 'relay-error', 'no relay error', { timeout: 5000 });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['no-relays']);
    expect(liveText(el)).to.equal("This page's storage server settings are wrong; please tell the site's team.");
    expect(errors[0]!.detail.message).to.contain('No relays are configured.');
  });

  it('says so when no records are found', async () => {
    const reader = await person();
    const el = await viewer(reader.signer);
    button(el, /^Unlock my records$/)!.click();
    await waitUntil(() => el.status === 'done', 'never finished', { timeout: 15000 });
    await el.updateComplete;
    expect(liveText(el)).to.contain('No records were found');
    await expect(el).to.be.accessible();
  });

  it('can be unlocked from the keyboard', async () => {
    const reader = await person();
    await recordFor(reader);
    const el = await viewer(reader.signer);
    const request = oneEvent(el, 'nip82-signer-request');
    $<HTMLButtonElement>(el, 'button.unlock')!.focus();
    await sendKeys({ press: 'Enter' });
    await request;
    await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
    await el.updateComplete;
    expect(text(section(el, 'allergies')!)).to.contain('Penicillin');
    const search = $<HTMLInputElement>(el, 'input[type="search"]')!;
    search.focus();
    await sendKeys({ type: 'tetanus' });
    await el.updateComplete;
    expect($$(el, '[part="item"]').map((li) => text(li.querySelector('.title')!))).to.deep.equal(['Tetanus']);
  });

  it('speaks Spanish and takes string overrides before unlocking', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer relays=${relay.url}></nip82-record-viewer></div>`);
    const es = wrapper.querySelector('nip82-record-viewer')!;
    await es.updateComplete;
    expect(button(es, /^Desbloquear mis historiales$/)).to.exist;
    button(es, /^Desbloquear mis historiales$/)!.click();
    await es.updateComplete;
    expect(liveText(es)).to.contain('No se encontró ningún firmador');
    await expect(es).to.be.accessible();

    const el = await viewer(undefined);
    el.strings = { unlockMine: 'Open my health records', noSigner: 'Connect a signer first.' };
    await el.updateComplete;
    button(el, /^Open my health records$/)!.click();
    await el.updateComplete;
    expect(liveText(el)).to.equal('Connect a signer first.');
  });

  it('revokes the link to a downloaded copy when the user signs out', async () => {
    const reader = await person();
    await recordFor(reader);
    const el = await viewer(reader.signer);
    button(el, /^Unlock my records$/)!.click();
    await waitUntil(() => el.status === 'done' && button(el, /^Download a copy$/), 'never unlocked', { timeout: 15000 });
    const originalClick = HTMLAnchorElement.prototype.click;
    const hrefs: string[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      hrefs.push(this.href);
    };
    try {
      button(el, /^Download a copy$/)!.click();
      // At once when the download's part (record-extras.ts) is here already, else once it arrives.
      await el.updateComplete;
    } finally {
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(hrefs).to.have.length(1);
    expect(await (await fetch(hrefs[0]!)).text()).to.contain('Penicillin');

    el.signer = undefined;
    await el.updateComplete;
    expect(text(root(el))).not.to.contain('Penicillin');
    let reached = true;
    try {
      await fetch(hrefs[0]!);
    } catch {
      reached = false;
    }
    expect(reached).to.equal(false);
  });

  describe('records that could not be opened', () => {
    const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    /** A kind-32225 event signed by a fresh key that lists `reader` in a p tag, with `keyTags` and content the reader may or may not open. */
    function minted(reader: string, keyTags: (signKey: Uint8Array) => string[][], content?: (signKey: Uint8Array) => string) {
      const signKey = generateSecretKey();
      const selfKey = getConversationKey(signKey, getPublicKey(signKey));
      return finalizeEvent({
        kind: RECORD_KIND, created_at: Math.floor(Date.now() / 1000),
        tags: [['d', hex(generateSecretKey()).slice(0, 32)], ['p', reader], ...keyTags(signKey)],
        content: content ? content(signKey) : nip44Encrypt('not for anyone', selfKey),
      }, signKey);
    }

    it('leaves out strangers\' events that give the reader no key or broken key tags: no failure, no bad-data', async () => {
      const reader = await person();
      const other = getPublicKey(generateSecretKey());
      const noise = [
        // A key tag for someone else: the reader is listed, not given a key (costs no signer call).
        ...Array.from({ length: 15 }, () => minted(reader.pubkey, (sk) => [['key', other, nip44Encrypt(hex(generateSecretKey()), getConversationKey(sk, other))]])),
        // Key tags that are not [key, pubkey, ciphertext].
        ...Array.from({ length: 15 }, (_, i) => minted(reader.pubkey, () => (i % 2 ? [['key', reader.pubkey]] : [['key', 'not-a-key', 'x'], ['key', reader.pubkey, 'y']]))),
      ];
      for (const e of noise) await relay.client.publishAll([e]);
      const signer = counting(reader.signer);
      const el = await viewer(signer);
      button(el, /^Unlock my records$/)!.click();
      await waitUntil(() => el.status !== 'waiting-signer' && el.status !== 'working' && el.status !== 'idle', 'never finished', { timeout: 15000 });
      await el.updateComplete;
      expect(el.status).to.equal('done');
      expect(liveText(el)).to.contain('No records were found');
      expect($(el, '.failures')).to.equal(null);
      expect(text(root(el))).not.to.match(/npub1|key tag|could not be opened/);
      expect(signer.calls.nip44Decrypt ?? 0).to.equal(0);
    });

    it('lists real failures in plain words, a line per reason, at most three lines', async () => {
      const reader = await person();
      await recordFor(reader);
      const tagFor = (sk: Uint8Array, plaintext: string) => ['key', reader.pubkey, nip44Encrypt(plaintext, getConversationKey(sk, reader.pubkey))];
      // The key tag does not decrypt for the reader (three of these).
      const undecryptable = () => minted(reader.pubkey, () => [['key', reader.pubkey, nip44Encrypt(hex(generateSecretKey()), getConversationKey(generateSecretKey(), reader.pubkey))]]);
      // The key decrypts, but does not open the content (two).
      const wrongKey = () => minted(reader.pubkey, (sk) => [tagFor(sk, hex(generateSecretKey()))]);
      // The key opens the content, which is no record.
      const view = generateSecretKey();
      const junk = minted(reader.pubkey, (sk) => [tagFor(sk, hex(view))], (sk) => nip44Encrypt('{"not":"a record"}', getConversationKey(view, getPublicKey(sk))));
      // The signer answers nonsense for this one.
      const odd = wrongKey();
      for (const e of [undecryptable(), undecryptable(), undecryptable(), wrongKey(), wrongKey(), junk, odd]) await relay.client.publishAll([e]);
      const signer: Signer = {
        getPublicKey: () => reader.signer.getPublicKey(),
        signEvent: (t) => reader.signer.signEvent(t),
        nip44Encrypt: (pk, text) => reader.signer.nip44Encrypt(pk, text),
        nip44Decrypt: (pk, ct) => (pk === odd.pubkey ? Promise.reject(new SignerError('bad-response', 'Not a string.')) : reader.signer.nip44Decrypt(pk, ct)),
      };

      const el = await viewer(signer);
      const errors: string[] = [];
      el.addEventListener('nip82-error', (e) => errors.push((e as CustomEvent).detail.code));
      button(el, /^Unlock my records$/)!.click();
      await waitUntil(() => el.status === 'done' && $(el, '.failures'), 'never finished', { timeout: 15000 });
      await el.updateComplete;
      const failures = $(el, '.failures')!;
      expect(text(failures)).to.contain('7 records could not be opened:');
      const lines = [...failures.querySelectorAll('li')].map((li) => text(li).trim());
      expect(lines).to.deep.equal([
        'Your signer could not unlock the record: you may no longer have access. (3 records)',
        'The access key given to you does not open the record. (2 records)',
        'And 2 more records, for other reasons.',
      ]);
      expect(text(failures) + liveText(el)).not.to.match(/npub1|key tag|NIP-44|kind-82|kind 82|Bundle|\[key/i);
      expect(text(section(el, 'allergies')!)).to.contain('Penicillin');

      // Every line is the host's to reword, and Spanish has its own.
      el.strings = { failureReason: (code) => `reason ${code}`, failureLine: (reason, count) => `${count} × ${reason}`, moreFailures: (count) => `+${count}` };
      await el.updateComplete;
      expect([...$(el, '.failures')!.querySelectorAll('li')].map((li) => text(li).trim())).to.deep.equal(['3 × reason decrypt-failed', '2 × reason bad-key', '+2']);
      el.strings = undefined;
      el.lang = 'es';
      await loadLanguage('es');
      await waitUntil(() => $(el, '.failures')?.textContent?.includes('historiales'), 'never spoke Spanish');
      expect(text($(el, '.failures')!)).to.contain('No se pudieron abrir 7 historiales').and.contain('Y 2 historiales más');
      expect(errors).to.deep.equal([]);
    });

    it('an address that is broken, or names no record, is told in plain words, without the protocol\'s', async () => {
      const reader = await person();
      const notRecord = naddrEncode({ kind: 1, pubkey: getPublicKey(generateSecretKey()), identifier: 'x', relays: [] });
      for (const naddr of ['naddr1notvalid', notRecord]) {
        const el = await viewer(reader.signer, { naddr });
        const errors: Nip82Event<'nip82-error'>[] = [];
        el.addEventListener('nip82-error', (e) => errors.push(e));
        button(el, /^Unlock this record$/)!.click();
        await waitUntil(() => el.status === 'bad-data', 'never failed', { timeout: 15000 });
        await el.updateComplete;
        expect(liveText(el)).to.equal('This link does not lead to a health record: it may be cut short or copied wrongly. Ask whoever sent it to send it again.');
        expect(text(root(el))).not.to.match(/naddr|NIP|\bkind|\bevent|payload|gift wrap|\bhex\b/i);
        // The host's logs keep the core's own words.
        expect(errors[0]!.detail.message).to.match(/naddr|NIP-82/);
      }
    });

    it('a single record that fails says why in plain words, once', async () => {
      const reader = await person();
      const view = generateSecretKey();
      const junk = minted(reader.pubkey, (sk) => [['key', reader.pubkey, nip44Encrypt(hex(view), getConversationKey(sk, reader.pubkey))]], (sk) => nip44Encrypt('{"not":"a record"}', getConversationKey(view, getPublicKey(sk))));
      await relay.client.publishAll([junk]);
      const el = await viewer(reader.signer);
      const errors: Nip82Event<'nip82-error'>[] = [];
      el.addEventListener('nip82-error', (e) => errors.push(e));
      button(el, /^Unlock my records$/)!.click();
      await waitUntil(() => el.status === 'bad-data', 'never failed', { timeout: 15000 });
      await el.updateComplete;
      await waitUntil(() => $(el, '.failures'), 'the reasons never came');
      // One line says how many, the list says why: the reason is not said twice.
      expect(liveText(el)).to.equal('1 record could not be opened:');
      expect(text($(el, '.failures')!).trim()).to.equal('Part of the record is damaged or not in the expected form.');
      expect(text(root(el)).split('damaged').length - 1).to.equal(1);
      // The host's logs keep the core's own words.
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['malformed']);
    });

    it('"Unlock my records" with every record failing says how many, in the plural, then every reason once', async () => {
      const reader = await person();
      const undecryptable = () => minted(reader.pubkey, () => [['key', reader.pubkey, nip44Encrypt(hex(generateSecretKey()), getConversationKey(generateSecretKey(), reader.pubkey))]]);
      const view = generateSecretKey();
      const junk = minted(reader.pubkey, (sk) => [['key', reader.pubkey, nip44Encrypt(hex(view), getConversationKey(sk, reader.pubkey))]], (sk) => nip44Encrypt('{"not":"a record"}', getConversationKey(view, getPublicKey(sk))));
      for (const e of [undecryptable(), junk, undecryptable()]) await relay.client.publishAll([e]);
      const el = await viewer(reader.signer);
      button(el, /^Unlock my records$/)!.click();
      await waitUntil(() => el.status === 'bad-data' && $(el, '.failures'), 'never failed', { timeout: 15000 });
      await el.updateComplete;
      expect(liveText(el)).to.equal('3 records could not be opened:');
      expect([...$(el, '.failures')!.querySelectorAll('li')].map((li) => text(li).trim())).to.deep.equal([
        'Your signer could not unlock the record: you may no longer have access. (2 records)',
        'Part of the record is damaged or not in the expected form.',
      ]);
      const shown = text(root(el));
      expect(shown).not.to.contain('This record could not be read');
      expect(shown.split('could not be opened').length - 1).to.equal(1);
      expect(shown.split('damaged').length - 1).to.equal(1);
      // Spanish says the same, once, in the plural.
      el.lang = 'es';
      await loadLanguage('es');
      await waitUntil(() => liveText(el).includes('historiales'), 'never spoke Spanish');
      expect(liveText(el)).to.equal('No se pudieron abrir 3 historiales:');
      expect(text(root(el))).not.to.contain('No se pudo leer este historial');
      await expect(el).to.be.accessible();
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Records handed in

describe('<nip82-record-viewer> with opened records handed in', () => {
  it('warns about missing parts and an unverified author', async () => {
    const author = await person();
    const big = bigBundle(400);
    const events = await createRecord({ bundle: big, author: author.signer, participants: [], maxEventBytes: 20000 });
    expect(events.length).to.be.greaterThan(2);
    const partial = await openRecord(events.slice(0, 1), author.signer);
    expect(partial.parts.have).to.equal(1);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[partial]}></nip82-record-viewer>`);
    expect(el.status).to.equal('done');
    expect($(el, 'button.unlock')).to.equal(null);
    expect(text($(el, '.parts')!)).to.contain(`Only 1 of ${events.length} parts of this record were found`);
    // The author's attestation covers every part: with parts missing it cannot be checked, and is not said to be.
    expect(partial.authorVerified).to.equal(false);
    expect(text($(el, '[part="provenance"]')!)).to.contain('editor');
    expect(text($(el, '[part="provenance"]')!)).not.to.match(/signature checked/);
    expect(text($(el, '.unverified')!)).to.contain('Author not confirmed: parts of this record are missing');
    await expect(el).to.be.accessible();

    const whole = await openRecord(events, author.signer);
    el.records = [whole];
    await el.updateComplete;
    expect(text($(el, '[part="provenance"]')!)).to.contain('signature checked');
    expect($(el, '.unverified')).to.equal(null);

    el.records = [{ ...whole, authorVerified: false }];
    await el.updateComplete;
    expect(text($(el, '.unverified')!)).to.contain('Unverified author');
    expect(text($(el, '[part="provenance"]')!)).not.to.match(/· signature checked/);
    await expect(el).to.be.accessible();
  });
});
