import { expect } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { readBundle, createBundle, ReferenceIndex, withoutNulls } from '../../components/core/fhir/bundle.js';
import { nostrIdentifier, nostrPubkeyOf, patientOf, animalOf } from '../../components/core/fhir/patient.js';
import { readWithheld, isWithheldList } from '../../components/core/fhir/withheld.js';
import { markWithheld } from '../../components/core/fhir/withheld-mark.js';
import { RecordError } from '../../components/core/errors.js';
import { fixture, person, rejects, sampleBundle } from '../helpers.js';
import { findMentions, termsOf } from '../../components/core/fhir/mentions.js';
import type { FhirBundle, FhirResource } from '../../components/core/fhir/types.js';
import { planShare } from '../../components/core/nip82/share.js';
import { removeItems } from '../../components/core/fhir/document.js';
import { shownText } from '../../components/core/fhir/shown-text.js';
import type { OpenedRecord } from '../../components/core/nip82/record.js';

describe('FHIR helpers', () => {
  it('writes conformant R4: collection, fullUrl + resource, no nulls', () => {
    const b = createBundle([{ resourceType: 'Observation', id: 'o1', status: 'final', valueString: null } as never]);
    expect(b.type).to.equal('collection');
    expect(b.identifier!.value).to.match(/^urn:uuid:/);
    expect(b.entry![0]!.fullUrl).to.equal('urn:uuid:o1');
    expect(b.entry![0]!.resource).to.deep.equal({ resourceType: 'Observation', id: 'o1', status: 'final' });
    expect(withoutNulls({ a: [1, null, { b: null }] })).to.deep.equal({ a: [1, {}] });
  });

  it('reads a real Synthea patient and resolves urn:uuid references', async () => {
    const bundle = readBundle(await fixture('synthea-patient.json'));
    expect(bundle.entry).to.have.length(62);
    const index = new ReferenceIndex(bundle);
    const encounter = bundle.entry!.find((e) => e.resource.resourceType === 'Encounter')!.resource;
    expect(index.resolve(encounter.subject as { reference: string })?.resourceType).to.equal('Patient');
    expect(patientOf(bundle)?.resourceType).to.equal('Patient');
  });

  it('resolves #contained references from the holding resource', () => {
    const holder = { resourceType: 'MedicationRequest', contained: [{ resourceType: 'Medication', id: 'm' }], medicationReference: { reference: '#m' } };
    const index = new ReferenceIndex(createBundle([holder]));
    expect(index.resolve('#m', holder)?.resourceType).to.equal('Medication');
    expect(index.resolve('#x', holder)).to.equal(undefined);
    expect(index.resolve(undefined)).to.equal(undefined);
  });

  it('refuses what is not a Bundle with a typed error', async () => {
    await rejects(() => readBundle('nope'), RecordError, 'malformed');
    await rejects(() => readBundle({ resourceType: 'Patient' }), RecordError, 'malformed');
    await rejects(() => readBundle(null), RecordError, 'malformed');
    expect(readBundle({ resourceType: 'Bundle', entry: [null, 3, { nope: 1 }] }).entry).to.deep.equal([]);
  });

  it('names a patient by a nostr: identifier and reads it back', async () => {
    const p = await person();
    const id = nostrIdentifier(p.pubkey);
    expect(id).to.deep.equal({ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(p.pubkey)}` });
    expect(nostrPubkeyOf({ resourceType: 'Patient', identifier: [{ value: 'nostr:garbage' }, id] })).to.equal(p.pubkey);
    expect(nostrPubkeyOf({ resourceType: 'Patient', identifier: [{ value: 'mrn:123' }] })).to.equal(undefined);
  });

  it('reads an animal patient\'s species and breed', () => {
    const dog = {
      resourceType: 'Patient',
      extension: [{
        url: 'http://hl7.org/fhir/StructureDefinition/patient-animal',
        extension: [
          { url: 'species', valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '448771007', display: 'Canis lupus familiaris' }] } },
          { url: 'breed', valueCodeableConcept: { text: 'Border collie' } },
        ],
      }],
    };
    expect(animalOf(dog)).to.deep.equal({ species: 'Canis lupus familiaris', breed: 'Border collie' });
    expect(animalOf({ resourceType: 'Patient' })).to.equal(undefined);
  });

  it('the hidden-item marker at each disclosure level reads back exactly', () => {
    const bundle = readBundle(sampleBundle());
    const hidden = [bundle.entry![2]!.resource, bundle.entry![3]!.resource];
    const flag = markWithheld(bundle, hidden, 'flag');
    expect(flag.meta!.security).to.deep.include({ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED', display: 'redacted' });
    const list = flag.entry!.at(-1)!.resource;
    expect(isWithheldList(list)).to.equal(true);
    expect(list).to.include({ status: 'current', mode: 'snapshot', title: 'Withheld by the patient' });
    expect((list.emptyReason as { coding: { code: string }[] }).coding[0]!.code).to.equal('withheld');
    expect(readWithheld(flag)).to.deep.equal({ disclose: 'flag' });
    expect(readWithheld(markWithheld(bundle, hidden, 'count'))).to.deep.equal({ disclose: 'count', count: 2 });
    expect(readWithheld(markWithheld(bundle, hidden, 'count-and-kind'))).to.deep.equal({
      disclose: 'count-and-kind', count: 2, kinds: { Condition: 1, Immunization: 1 },
    });
    expect(readWithheld(bundle)).to.equal(undefined);
  });
});

describe('a document share that hides items (removeItems)', () => {
  it('an emptied section says "withheld" only where it stands for a kind; one named for a topic (pregnancy) goes', async () => {
    const ips = await fixture<FhirBundle>('ips-all-sections.json');
    const entries = ips.entry!;
    const byRef = (ref: string) => entries.find((e) => e.fullUrl!.endsWith(ref))!;
    const sections = (entries[0]!.resource as unknown as { section: { title: string; code: { coding: { code: string }[] }; entry: { reference: string }[] }[] }).section;
    const pregnancy = byRef(sections.find((x) => x.title === 'History of Pregnancy')!.entry[0]!.reference);
    const allergy = byRef(sections.find((x) => x.title === 'Allergies and Intolerances')!.entry[0]!.reference);
    const hidden = [pregnancy, allergy];
    const kept = entries.filter((e) => !hidden.includes(e));
    const out = removeItems({ source: entries, kept, hidden, disclose: 'count-and-kind', document: true });
    const titles = ((out[0]!.resource.section as { title: string; emptyReason?: unknown }[]) ?? []).map((x) => `${x.title}${x.emptyReason ? ': withheld' : ''}`);
    expect(titles).to.include('Allergies and Intolerances: withheld');
    expect(titles.filter((t) => /pregnan/i.test(t))).to.deep.equal([]);
  });

  it('a hidden item is no longer pointed to from inside another item (a claim\'s contained referral)', () => {
    const hidden = { fullUrl: 'urn:uuid:5c7e2a1d-hidden-condition', resource: { resourceType: 'Condition', id: '5c7e2a1d', subject: { reference: 'urn:uuid:p' }, code: { text: 'Major depression' } } as FhirResource };
    const patient = { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } as FhirResource };
    const claim = { fullUrl: 'urn:uuid:claim', resource: { resourceType: 'Claim', id: 'claim', patient: { reference: 'urn:uuid:p' }, referral: { reference: '#referral' },
      contained: [{ resourceType: 'ServiceRequest', id: 'referral', status: 'completed', intent: 'order', subject: { reference: 'urn:uuid:p' },
        reasonReference: [{ reference: 'urn:uuid:5c7e2a1d-hidden-condition' }] }] } as FhirResource };
    const out = removeItems({ source: [patient, hidden, claim], kept: [patient, claim], hidden: [hidden], disclose: 'flag' });
    const text = JSON.stringify(out[1]!.resource);
    expect(text.includes('5c7e2a1d'), text).to.equal(false);
    // The referral itself stays, so the claim's pointer to it still resolves.
    expect((out[1]!.resource.contained as { id: string }[]).map((c) => c.id)).to.deep.equal(['referral']);
  });

  it('a narrative that spells a hidden diagnosis another way (no accent, capitals) does not go out; one that does not name it stays', () => {
    const patient = { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } as FhirResource };
    const hidden = { fullUrl: 'urn:uuid:h', resource: { resourceType: 'Condition', id: 'h', code: { text: 'Hipertensión arterial' } } as FhirResource };
    const visit = (id: string, words: string) => ({ fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Encounter', id, status: 'finished', text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${words}</div>` } } as FhirResource });
    const visits = [visit('v1', 'Control de <b>HIPERTENSION</b> arterial.'), visit('v2', 'Control de hipertensión arterial.'), visit('v3', 'Control de asma.')];
    const out = removeItems({ source: [patient, hidden, ...visits], kept: [patient, ...visits], hidden: [hidden], disclose: 'flag' });
    expect(out.slice(1).map((e) => e.resource.text !== undefined)).to.deep.equal([false, false, true]);
  });

  it('a narrative that writes a hidden diagnosis with character references (&oacute;, &#211;, &#x439;) does not go out', () => {
    const patient = { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } as FhirResource };
    const condition = (id: string, text: string) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Condition', id, code: { text } } as FhirResource });
    const hidden = [condition('h1', 'Hipertensión arterial'), condition('h2', 'Синдром Рейно')];
    const visit = (id: string, words: string) => ({ fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Encounter', id, status: 'finished', text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${words}</div>` } } as FhirResource });
    const visits = [visit('v1', 'Control de hipertensi&oacute;n&nbsp;arterial.'), visit('v2', 'Control de HIPERTENSI&#211;N arterial.'),
      visit('v3', 'Синдром Ре&#x439;но.'), visit('v4', 'Control de asma &amp; alergia.')];
    const out = removeItems({ source: [patient, ...hidden, ...visits], kept: [patient, ...visits], hidden, disclose: 'flag' });
    expect(out.slice(1).map((e) => e.resource.text !== undefined)).to.deep.equal([false, false, false, true]);
  });

  it('a narrative that writes a hidden diagnosis as a browser still shows it (a legacy name without its semicolon, zeros before a number, a windows-1252 number, a title) does not go out', () => {
    const patient = { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } as FhirResource };
    const condition = (id: string, text: string) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Condition', id, code: { text } } as FhirResource });
    const hidden = [condition('h1', 'Hipertensión arterial'), condition('h2', 'Šarlach')];
    const visit = (id: string, words: string) => ({ fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Encounter', id, status: 'finished', text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${words}</div>` } } as FhirResource });
    const visits = [visit('v1', 'Control de Hipertensi&oacuten arterial.'), visit('v2', 'Control de hipertensi&#0000000000243;n arterial.'),
      visit('v3', 'Kontrola: &#138;arlach.'), visit('v4', '<span title="Hipertensi&oacute;n arterial">Control</span>'),
      // In an attribute, a name followed by a letter is not read: the title shows "Hipertensi&oacuten".
      visit('v5', '<span title="Hipertensi&oacuten arterial">Control de asma</span>')];
    const out = removeItems({ source: [patient, ...hidden, ...visits], kept: [patient, ...visits], hidden, disclose: 'flag' });
    expect(out.slice(1).map((e) => e.resource.text !== undefined)).to.deep.equal([false, false, false, false, true]);
  });

  it('a narrative that writes a hidden diagnosis across inline tags, shown as one word, does not go out', () => {
    const patient = { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } as FhirResource };
    const hidden = [{ fullUrl: 'urn:uuid:h', resource: { resourceType: 'Condition', id: 'h', code: { text: 'Hipertensión arterial' } } as FhirResource }];
    const visit = (id: string, words: string) => ({ fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Encounter', id, status: 'finished', text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${words}</div>` } } as FhirResource });
    const visits = [visit('v1', 'Control de Hiper<b>tensi&oacute;n</b> arterial.'), visit('v2', 'Control de <span>hiper</span><span title="">tension</span> arterial.'),
      visit('v3', 'Control de<br/>hipertensión arterial.'), visit('v4', 'Control de <i>asma</i> <b>arterial</b>.')];
    const out = removeItems({ source: [patient, ...hidden, ...visits], kept: [patient, ...visits], hidden, disclose: 'flag' });
    expect(out.slice(1).map((e) => e.resource.text !== undefined)).to.deep.equal([false, false, false, true]);
  });

  it('a narrative that writes a hidden item\'s id or address with character references or across tags, shown and followed as itself, does not go out', () => {
    const patient = { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } as FhirResource };
    const hidden = [{ fullUrl: 'https://example.org/fhir/Condition/abc', resource: { resourceType: 'Condition', id: 'abc', code: { text: 'Gout' } } as FhirResource }];
    const visit = (id: string, words: string) => ({ fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Encounter', id, status: 'finished', text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${words}</div>` } } as FhirResource });
    const visits = [visit('v1', 'See Condition&#47;abc.'), visit('v2', '<a href="https:&#x2F;&#x2F;example.org&#x2F;fhir&#x2F;Condition&#x2F;abc">the diagnosis</a>'),
      visit('v3', 'See Condition&sol;abc.'), visit('v4', 'See Condition<b>/</b>abc.'),
      // Another item's id, and the hidden one's without its type (too short to tell from a word): they stay.
      visit('v5', 'See Condition&#47;abd, and abc.')];
    const out = removeItems({ source: [patient, ...hidden, ...visits], kept: [patient, ...visits], hidden, disclose: 'flag' });
    expect(out.slice(1).map((e) => e.resource.text !== undefined)).to.deep.equal([false, false, false, false, true]);
  });

  it('a narrative that writes a hidden diagnosis with named letters, spaces or invisible marks, after a "<" that starts no tag, or in a comment, does not go out', () => {
    const patient = { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } as FhirResource };
    const condition = (id: string, text: string) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Condition', id, code: { text } } as FhirResource });
    const hidden = [condition('h1', 'Półpasiec'), condition('h2', 'HIV infection'), condition('h3', 'Hipertensión arterial'), condition('h4', 'β-talasemia'), condition('h5', 'Краснуха')];
    const visit = (id: string, words: string) => ({ fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Encounter', id, status: 'finished', text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${words}</div>` } } as FhirResource });
    const visits = [visit('v1', 'Wizyta: p&oacute;&lstrok;pasiec.'), visit('v2', 'Known HIV&ensp;infection.'), visit('v3', 'Control de hiper&zwnj;tensi&oacute;n&NewLine;arterial.'),
      visit('v4', 'Portadora de &beta;-talasemia.'), visit('v5', '&Kcy;&rcy;&acy;&scy;&ncy;&ucy;&khcy;&acy;'), visit('v6', 'Glucosa < 100, hipertensión arterial.'),
      // A comment is not shown, yet goes out with the narrative; one with a ">" still ends where the browser ends it.
      visit('v7', 'Control de asma<!-- hipertensión arterial -->.'), visit('v8', 'Control de hiper<!-- a > b -->tensión arterial.'),
      visit('v9', 'Control de asma &rarr; alergia &lstrok;<!-- revisado: a > b -->.')];
    const out = removeItems({ source: [patient, ...hidden, ...visits], kept: [patient, ...visits], hidden, disclose: 'flag' });
    expect(out.slice(1).map((e) => e.resource.text !== undefined)).to.deep.equal([false, false, false, false, false, false, false, false, true]);
  });
});

describe('shownText (character references as a browser shows them, without a DOM)', () => {
  const parsed = (markup: string) => new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html').body;
  const legacy = ['nbsp', 'iexcl', 'not', 'shy', 'sup2', 'frac34', 'AElig', 'Aacute', 'ETH', 'Ntilde', 'times', 'THORN', 'szlig', 'aacute', 'eth', 'oacute', 'divide', 'yuml', 'amp', 'AMP', 'lt', 'LT', 'gt', 'quot', 'QUOT', 'COPY', 'REG', 'copy', 'reg'];
  const after = ['', ';', 'n', 'n;', '1', ' ', '=', '=1', '&amp;'];
  const others = ['&notit;', '&Amp;', '&oacut', '&foo;', '&;', '&#;', '&#x;', '&#0;', '&#x110000;', '&#xD800;', '&#99999999999;', '&#0000000000243;', '&#x00000000f3', '&#65', '&#X41;',
    ...Array.from({ length: 33 }, (_, i) => `&#${0x80 + i};`), '&Ccaron;', '&ccaron', 'a&b', '&&oacute;'];

  it('reads text as the browser does: every legacy name, with or without a semicolon, numbers, and what is not a reference', () => {
    for (const written of [...legacy.flatMap((name) => after.map((a) => `x&${name}${a}`)), ...others]) {
      expect(shownText(written), written).to.equal(parsed(written).textContent);
    }
  });

  it('reads names written with a semicolon as the browser does: letters (stroked, Greek, Cyrillic), spaces, invisible marks, punctuation', () => {
    const greek = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma sigmaf tau upsilon phi chi psi omega'.split(' ');
    const cyrillic = 'Acy Bcy Vcy Gcy Dcy IEcy ZHcy Zcy Icy Jcy Kcy Lcy Mcy Ncy Ocy Pcy Rcy Scy Tcy Ucy Fcy KHcy TScy CHcy SHcy SHCHcy HARDcy Ycy SOFTcy Ecy YUcy YAcy IOcy DJcy GJcy Jukcy DScy Iukcy YIcy Jsercy LJcy NJcy TSHcy KJcy Ubrcy DZcy'.split(' ');
    const names = [...greek, ...greek.filter((n) => n !== 'sigmaf').map((n) => n[0]!.toUpperCase() + n.slice(1)), ...cyrillic, ...cyrillic.map((n) => n.toLowerCase()),
      'Lstrok', 'lstrok', 'Dstrok', 'dstrok', 'Hstrok', 'hstrok', 'Tstrok', 'tstrok', 'Lmidot', 'lmidot', 'imath', 'inodot', 'jmath', 'ENG', 'eng', 'IJlig', 'ijlig', 'kgreen', 'napos', 'fnof',
      'fflig', 'filig', 'fllig', 'ffilig', 'ffllig', 'fjlig', 'sigmav', 'varsigma', 'Scaron', 'zcaron', 'Idot', 'gbreve', 'scedil', 'aogon', 'zdot', 'nacute', 'Odblac', 'Yuml',
      'Tab', 'NewLine', 'ensp', 'emsp', 'emsp13', 'emsp14', 'numsp', 'puncsp', 'thinsp', 'ThinSpace', 'hairsp', 'VeryThinSpace', 'MediumSpace', 'NonBreakingSpace', 'ZeroWidthSpace',
      'NegativeVeryThinSpace', 'NegativeThinSpace', 'NegativeMediumSpace', 'NegativeThickSpace', 'zwnj', 'zwj', 'lrm', 'rlm', 'NoBreak', 'hyphen', 'dash',
      'comma', 'period', 'colon', 'semi', 'lpar', 'rpar', 'excl', 'quest', 'sol', 'lowbar', 'num', 'percnt', 'plus', 'equals', 'ast', 'commat'];
    for (const written of names.map((name) => `x&${name};y`)) expect(shownText(written), written).to.equal(parsed(written).textContent);
  });

  it('reads attribute values as the browser does: a name without a semicolon before a letter, a digit or "=" stays as written', () => {
    for (const written of [...legacy.flatMap((name) => after.map((a) => `x&${name}${a}`)), ...others]) {
      const span = parsed(`<span title="${written.replace(/"/g, '&quot;')}"></span>`).firstElementChild!;
      // The quote written as &quot; above is a reference of its own; compare what was meant.
      if (written.includes('"')) continue;
      expect(shownText(written, true), written).to.equal(span.getAttribute('title'));
    }
  });
});

describe('findMentions (what a share still says about a hidden item)', () => {
  const entry = (resource: Record<string, unknown>, n: number) => ({ fullUrl: `urn:uuid:m-${n}`, resource: resource as FhirResource });
  const hiv = entry({ resourceType: 'Condition', code: { coding: [{ display: 'HIV infection (disorder)' }] } }, 0);
  const note = (text: string, contentType = 'text/plain; charset=utf-8') =>
    ({ resourceType: 'DocumentReference', content: [{ attachment: { contentType, data: btoa(text) } }] });

  it('finds the term as text, as a display, without its "(disorder)" suffix, and inside plain-text notes', () => {
    expect(termsOf(hiv.resource)).to.have.members(['hiv infection (disorder)', 'hiv infection']);
    const shared = [
      entry({ resourceType: 'Encounter', reasonCode: [{ coding: [{ display: 'HIV infection (disorder)' }] }] }, 1),
      entry(note('Assessment: HIV infection, stable on treatment.'), 2),
      entry({ resourceType: 'Claim', diagnosis: [{ diagnosisReference: { reference: 'urn:uuid:m-0' } }] }, 3),
      entry({ resourceType: 'Observation', code: { text: 'HIV infections screening panel' } }, 4),
      entry(note('HIV infection', 'application/pdf'), 5),
    ];
    const found = findMentions(shared, [hiv]).mentions.map((m) => m.entry.fullUrl);
    // A bare reference gives nothing away; "infections" is another word; a PDF is not read as text.
    expect(found).to.deep.equal(['urn:uuid:m-1', 'urn:uuid:m-2']);
  });

  it('reads a narrative as the send path does: character references read, words across inline tags joined', () => {
    const hidden = entry({ resourceType: 'Condition', code: { text: 'Hipertensión arterial' } }, 70);
    const visit = (words: string, n: number) => entry({ resourceType: 'Encounter', status: 'finished',
      text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${words}</div>` } }, n);
    const shared = [visit('Control de Hipertensi&oacute;n arterial.', 71), visit('Control de Hiper<b>tensi&oacuten</b> arterial.', 72),
      visit('Control de hiper&zwnj;tensión arterial.', 73), visit('Control de asma <b>arterial</b>.', 74)];
    expect(findMentions(shared, [hidden]).mentions.map((m) => m.entry.fullUrl)).to.deep.equal(['urn:uuid:m-71', 'urn:uuid:m-72', 'urn:uuid:m-73']);
  });

  it('short names count as whole words, a line break inside a phrase still matches', () => {
    const tb = entry({ resourceType: 'Condition', code: { text: 'TB' } }, 10);
    const fracture = entry({ resourceType: 'Condition', code: { text: 'Fracture of ankle' } }, 11);
    const shared = [
      entry(note('Seen for TB follow-up.'), 12),
      entry(note('TBD at next visit; HIVE not relevant.'), 13),
      entry(note('Old fracture of\n   ankle, healed.'), 14),
    ];
    const found = findMentions(shared, [tb, fracture, hiv]);
    expect(found.complete).to.equal(true);
    expect(found.mentions.map((m) => [m.entry.fullUrl, m.mentions.map((h) => h.fullUrl)])).to.deep.equal([
      ['urn:uuid:m-12', ['urn:uuid:m-10']],
      ['urn:uuid:m-14', ['urn:uuid:m-11']],
    ]);
  });

  it('reads a long note whose base64 is wrapped in lines, as exports often are', () => {
    const wrapped = btoa(`Assessment: HIV infection. ${'x'.repeat(300_000)}`).replace(/.{76}/g, '$&\r\n');
    const long = entry({ resourceType: 'DocumentReference', content: [{ attachment: { contentType: 'text/plain', data: wrapped } }] }, 30);
    expect(findMentions([long], [hiv]).mentions.map((m) => m.entry.fullUrl)).to.deep.equal(['urn:uuid:m-30']);
  });

  it('bounds hostile input: terms per item are capped, and a share too large to read whole says so', () => {
    const many = entry({ resourceType: 'Condition', code: { coding: Array.from({ length: 2000 }, (_, i) => ({ display: `term ${i}` })) } }, 20);
    expect(termsOf(many.resource)).to.have.length(16);
    const big = Array.from({ length: 80 }, (_, i) => entry({ resourceType: 'Basic', text: 'lorem ipsum '.repeat(22000) }, 100 + i));
    const report = findMentions(big, [hiv]);
    expect(report.complete).to.equal(false);
    expect(findMentions(big.slice(0, 2), [hiv]).complete).to.equal(true);
  });

  it('a hidden medication named only by reference is found by its drug: the Medication itself, a claim, a note', () => {
    const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
    const drug = { coding: [{ system: RX, code: '1721603', display: 'emtricitabine 200 MG / tenofovir alafenamide 25 MG Oral Tablet' }], text: 'Descovy' };
    const patient = entry({ resourceType: 'Patient', id: 'p' }, 40);
    const medication = entry({ resourceType: 'Medication', code: drug }, 41);
    const order = entry({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'urn:uuid:m-40' }, medicationReference: { reference: 'urn:uuid:m-41' } }, 42);
    const mood = entry({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'urn:uuid:m-40' },
      contained: [{ resourceType: 'Medication', id: 'x', code: { text: 'Sertraline 50 MG Oral Tablet' } }], medicationReference: { reference: '#x' } }, 43);
    const claim = entry({ resourceType: 'Claim', status: 'active', patient: { reference: 'urn:uuid:m-40' },
      item: [{ sequence: 1, productOrService: drug }, { sequence: 2, productOrService: { text: 'Sertraline 50 MG Oral Tablet' } }] }, 44);
    const visit = entry({ resourceType: 'Encounter', status: 'finished', subject: { reference: 'urn:uuid:m-40' },
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Started Descovy today.</div>' } }, 45);
    const record = { bundle: { resourceType: 'Bundle', type: 'collection', entry: [patient, medication, order, mood, claim, visit] } } as unknown as OpenedRecord;
    const mentioned = (withhold: string[]) => planShare({ from: [record], withhold }).mentions.map((m) => m.entry.fullUrl);
    expect(mentioned(['urn:uuid:m-42'])).to.deep.equal(['urn:uuid:m-41', 'urn:uuid:m-44']);
    expect(mentioned(['urn:uuid:m-43'])).to.deep.equal(['urn:uuid:m-44']);
    expect(mentioned(['urn:uuid:m-41'])).to.deep.equal(['urn:uuid:m-44']);
    // The visit's narrative named the hidden drug: it does not go out.
    const kept = removeItems({ source: record.bundle.entry!, kept: [patient, visit], hidden: [order], disclose: 'flag' });
    expect(kept[1]!.resource.text).to.equal(undefined);
  });

  it('finds the hidden diagnosis by its code where another app worded it differently, or gave no words', () => {
    const SCT = 'http://snomed.info/sct';
    const hidden = entry({ resourceType: 'Condition', code: { coding: [{ system: SCT, code: '86406008', display: 'Human immunodeficiency virus infection (disorder)' }] } }, 50);
    const shared = [
      entry({ resourceType: 'Encounter', reasonCode: [{ coding: [{ system: SCT, code: '86406008', display: 'HIV disease' }] }] }, 51),
      entry({ resourceType: 'DiagnosticReport', conclusionCode: [{ coding: [{ system: SCT, code: '86406008' }] }] }, 52),
      // The same digits in another code system name something else.
      entry({ resourceType: 'Observation', code: { coding: [{ system: 'http://loinc.org', code: '86406008' }] } }, 53),
    ];
    expect(findMentions(shared, [hidden]).mentions.map((m) => m.entry.fullUrl)).to.deep.equal(['urn:uuid:m-51', 'urn:uuid:m-52']);
  });

  it('the results of a hidden test report are named: they say what the report said', () => {
    const LOINC = 'http://loinc.org';
    const patient = entry({ resourceType: 'Patient', id: 'p' }, 60);
    const load = entry({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '20447-9', display: 'HIV 1 RNA [#/volume] (viral load) in Serum or Plasma by NAA with probe detection' }] },
      subject: { reference: 'urn:uuid:m-60' }, valueQuantity: { value: 20, unit: 'copies/mL' } }, 61);
    const height = entry({ resourceType: 'Observation', status: 'final', code: { text: 'Body height' }, subject: { reference: 'urn:uuid:m-60' } }, 62);
    const report = entry({ resourceType: 'DiagnosticReport', status: 'final', code: { text: 'HIV viral load' }, subject: { reference: 'urn:uuid:m-60' }, result: [{ reference: 'urn:uuid:m-61' }] }, 63);
    const record = { bundle: { resourceType: 'Bundle', type: 'collection', entry: [patient, load, height, report] } } as unknown as OpenedRecord;
    const plan = planShare({ from: [record], withhold: ['urn:uuid:m-63'] });
    expect(plan.mentions.map((m) => [m.entry.fullUrl, m.mentions.map((h) => h.fullUrl)])).to.deep.equal([['urn:uuid:m-61', ['urn:uuid:m-63']]]);
  });

  it('kinds whose names are common (observations, visits) are not searched for, and hostile input stays bounded', () => {
    const height = entry({ resourceType: 'Observation', code: { text: 'Body height' } }, 6);
    const other = entry({ resourceType: 'Observation', code: { text: 'Body height' } }, 7);
    expect(findMentions([other], [height])).to.deep.equal({ mentions: [], complete: true });
    let deep: Record<string, unknown> = { text: 'HIV infection' };
    for (let i = 0; i < 10000; i++) deep = { next: deep };
    const hostile = entry({ resourceType: 'Basic', deep, big: 'x'.repeat(2_000_000), bad: { contentType: 'text/plain', data: '%%%not base64' } }, 8);
    expect(findMentions([hostile], [hiv]).mentions).to.deep.equal([]);
  });
});
