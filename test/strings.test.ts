/**
 * Every built-in string, of every element, overridden at once: each key is replaced by a marker
 * naming it, and what the element then shows (text and the attributes a screen reader or a
 * pointer reveals) must be markers only. A string written into a template instead of taken from
 * the table, or a key the override does not reach, leaves words behind and fails.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import '../components/define.js';
import { accessListStrings } from '../components/access-list/access-list.strings.js';
import { consentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { hiddenFlagStrings } from '../components/hidden-flag/hidden-flag.strings.js';
import { npubPickerStrings } from '../components/npub-picker/npub-picker.strings.js';
import { recordViewerClinicianStrings, recordViewerStrings } from '../components/record-viewer/record-viewer.strings.js';
// The words the viewer's later parts say join its English table as those parts arrive: here, all of them.
import '../components/record-viewer/record-extras.js';
// The session's sign-in card brings its English words with it: here from the start, as on a page that shows it.
import '../components/session/sign-in-card.js';
import { sessionStrings } from '../components/session/session.strings.js';
import { remoteSignInStrings } from '../components/session/remote-sign-in.strings.js';
import { loadLanguage } from '../components/index.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { person, sampleBundle } from './helpers.js';
import { $, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { recordsStringsEn } from '../components/shared/records.strings.js';
import { recordsStringsEs } from '../components/shared/records.strings.es.js';
import { errorDetailEs } from '../components/shared/error-details.es.js';

type Table = object;

// The Spanish tables are read directly below: their packs load first, as a Spanish page's would.
before(() => loadLanguage('es'));

const MARK = /⟦\w+⟧/g;
const marker = (key: string) => `⟦${key}⟧`;

/** Each key of the English table replaced by its marker (functions return theirs). */
function markers(table: Table): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'function' ? () => marker(key) : marker(key)]));
}

/** What a person meets in the element's own shadow root: text, labels, titles, placeholders (not nested kit elements). */
function shown(el: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (/^nip82-/.test(node.localName) && node !== el) return;
      if (node.localName === 'style' || node.localName === 'template') return;
      for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name);
        if (value) out.push(value);
      }
    } else if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) {
      out.push(node.textContent!.trim());
    }
    for (const child of node.childNodes) walk(child);
  };
  for (const child of el.shadowRoot!.childNodes) walk(child);
  return out;
}

const cases: { tag: string; table: Table; render: (strings: Record<string, unknown>) => TemplateResult }[] = [
  { tag: 'nip82-session', table: sessionStrings.en, render: (s) => html`<nip82-session .strings=${s}></nip82-session>` },
  { tag: 'nip82-npub-picker', table: npubPickerStrings.en, render: (s) => html`<nip82-npub-picker .strings=${s}></nip82-npub-picker>` },
  {
    tag: 'nip82-hidden-flag',
    table: hiddenFlagStrings.en,
    render: (s) => html`<nip82-hidden-flag disclose="count-and-kind" kinds="Condition,Observation" .strings=${s}></nip82-hidden-flag>`,
  },
  { tag: 'nip82-record-viewer', table: recordViewerStrings.en, render: (s) => html`<nip82-record-viewer .strings=${s}></nip82-record-viewer>` },
  { tag: 'nip82-consent-prompt', table: consentPromptStrings.en, render: (s) => html`<nip82-consent-prompt .strings=${s}></nip82-consent-prompt>` },
  { tag: 'nip82-access-list', table: accessListStrings.en, render: (s) => html`<nip82-access-list .strings=${s}></nip82-access-list>` },
];

describe('every built-in string can be overridden', () => {
  for (const { tag, table, render } of cases) {
    it(`<${tag}>: with every key overridden, it shows only the overrides`, async () => {
      const el = await fixture<LitElement>(render(markers(table)));
      await el.updateComplete;
      const seen = shown(el);
      expect(seen.length, 'the element shows nothing').to.be.greaterThan(0);
      const leftover = seen.map((t) => t.replace(MARK, '')).filter((t) => /\p{L}{2,}/u.test(t));
      expect(leftover, 'words not taken from the strings table').to.deep.equal([]);
      // Every marker shown names a key of the table.
      for (const m of seen.join(' ').match(MARK) ?? []) expect(table).to.have.property(m.slice(1, -1));
    });
  }

  it('<nip82-record-viewer> showing a record: only the overrides and the record\'s own words', async () => {
    const bundle = sampleBundle();
    const el = await fixture<LitElement>(html`<nip82-record-viewer .bundle=${bundle} .strings=${markers(recordViewerStrings.en)}></nip82-record-viewer>`);
    await el.updateComplete;
    const fromRecord = JSON.stringify(bundle);
    // Dates are the record's too, in the platform's words for months.
    const months = [...Array(12).keys()].flatMap((m) => ['short', 'long'].map((month) => new Date(2000, m, 15).toLocaleString('en', { month: month as 'short' })));
    const leftover = shown(el)
      .map((t) => t.replace(MARK, ''))
      .flatMap((t) => t.match(/\p{L}{2,}/gu) ?? [])
      .filter((word) => !fromRecord.includes(word) && !months.includes(word));
    expect(leftover, 'words neither overridden nor from the record').to.deep.equal([]);
  });

  it('each language table has the same keys as the English one', () => {
    for (const tables of [sessionStrings, remoteSignInStrings, npubPickerStrings, hiddenFlagStrings, recordViewerStrings, recordViewerClinicianStrings, consentPromptStrings, accessListStrings]) {
      expect(Object.keys(tables.es!).sort()).to.deep.equal(Object.keys(tables.en).sort());
    }
    // The viewer's clinician words (audience="clinician") replace words, never add or drop a key.
    expect(Object.keys(recordViewerClinicianStrings.en).sort()).to.deep.equal(Object.keys(recordViewerStrings.en).sort());
  });

  it('the viewer\'s "preparing" counts take the plural form of their number: 1 item, not "1 items"', () => {
    const { en, es } = { en: recordViewerStrings.en, es: recordViewerStrings.es! };
    expect([en.preparing(1, '1'), en.printPreparing(1, '1')]).to.deep.equal(['Preparing 1 item…', 'Preparing 1 item for printing…']);
    expect([es.preparing(1, '1'), es.printPreparing(1, '1')]).to.deep.equal(['Preparando 1 elemento…', 'Preparando 1 elemento para imprimir…']);
    // Other counts say the number as the page writes it.
    expect([en.preparing(5000, '5,000'), en.printPreparing(2, '2')]).to.deep.equal(['Preparing 5,000 items…', 'Preparing 2 items for printing…']);
    expect([es.preparing(5000, '5000'), es.printPreparing(2, '2')]).to.deep.equal(['Preparando 5000 elementos…', 'Preparando 2 elementos para imprimir…']);
  });
});

/** A Bundle whose patient withheld two problems and a test result, and said so in full. */
const withheldBundle = () =>
  markWithheld(sampleBundle() as FhirBundle, [{ resourceType: 'Condition', id: 'h1' }, { resourceType: 'Condition', id: 'h2' }, { resourceType: 'Observation', id: 'h3' }], 'count-and-kind');

/** The hidden-item flag inside a viewer, once the viewer shows the Bundle and the flag has rendered. */
async function nestedFlag(viewer: Nip82RecordViewer): Promise<LitElement> {
  await waitUntil(() => viewer.status === 'done' && $(viewer, 'nip82-hidden-flag'), 'the viewer never showed the flag');
  const flag = $(viewer, 'nip82-hidden-flag') as unknown as LitElement;
  await flag.updateComplete;
  return flag;
}

/** The npub picker inside a prompt's share dialog, once the dialog is open and the picker rendered. */
async function nestedPicker(prompt: Nip82ConsentPrompt): Promise<LitElement> {
  $<HTMLButtonElement>(prompt, 'button[data-trigger]')!.click();
  await waitUntil(() => dialogOf(prompt).open && $(prompt, 'nip82-npub-picker')?.shadowRoot?.querySelector('#input'), 'the share dialog never showed the picker');
  const picker = $(prompt, 'nip82-npub-picker') as unknown as LitElement;
  await picker.updateComplete;
  return picker;
}

async function sharePrompt(render: (records: unknown[], signer: unknown) => TemplateResult): Promise<Nip82ConsentPrompt> {
  const patient = await person();
  const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
  const host = await fixture<HTMLElement>(render([record], patient.signer));
  return (host.localName === 'nip82-consent-prompt' ? host : host.querySelector('nip82-consent-prompt')!) as Nip82ConsentPrompt;
}

describe('the strings of an element nested in another reach it through its parent', () => {
  it('<nip82-record-viewer>.flagStrings: every string of its hidden-item flag can be overridden', async () => {
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${withheldBundle()} .flagStrings=${markers(hiddenFlagStrings.en)}></nip82-record-viewer>`);
    const flag = await nestedFlag(viewer);
    const seen = shown(flag);
    expect(seen.length, 'the flag shows nothing').to.be.greaterThan(0);
    expect(seen.map((t) => t.replace(MARK, '')).filter((t) => /\p{L}{2,}/u.test(t)), 'words not taken from the overrides').to.deep.equal([]);
    for (const m of seen.join(' ').match(MARK) ?? []) expect(hiddenFlagStrings.en).to.have.property(m.slice(1, -1));
  });

  it('<nip82-record-viewer>.flagStrings rewords one string and leaves the others; a later change reaches the flag', async () => {
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${withheldBundle()} .flagStrings=${{ countTitle: (n: number) => `The owner withheld ${n} items` }}></nip82-record-viewer>`);
    let flag = await nestedFlag(viewer);
    expect(text(flag.shadowRoot!.querySelector('[part=title]'))).to.equal('The owner withheld 3 items');
    expect(text(flag.shadowRoot!.querySelector('[part=explanation]'))).to.equal(hiddenFlagStrings.en.explanation);
    viewer.flagStrings = { explanation: 'Ask the owner.' };
    await viewer.updateComplete;
    flag = await nestedFlag(viewer);
    expect(text(flag.shadowRoot!.querySelector('[part=explanation]'))).to.equal('Ask the owner.');
    expect(text(flag.shadowRoot!.querySelector('[part=title]'))).to.equal(hiddenFlagStrings.en.countTitle(3, '3'));
  });

  it('<nip82-record-viewer lang="es">: the flag speaks Spanish, with the host\'s overrides on top', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="es"><nip82-record-viewer .bundle=${withheldBundle()} .flagStrings=${{ explanation: '⟦explanation⟧' }}></nip82-record-viewer></div>`);
    const flag = await nestedFlag(page.querySelector('nip82-record-viewer')!);
    expect(text(flag.shadowRoot!.querySelector('[part=title]'))).to.equal(hiddenFlagStrings.es!.countTitle(3, '3'));
    expect(text(flag.shadowRoot!.querySelector('[part=kinds]'))).to.contain('2 problemas');
    expect(text(flag.shadowRoot!.querySelector('[part=explanation]'))).to.equal('⟦explanation⟧');
  });

  it('<nip82-consent-prompt>.pickerStrings: every string of its npub picker can be overridden', async () => {
    const prompt = await sharePrompt((records, signer) => html`<nip82-consent-prompt mode="share" .records=${records} .signer=${signer} .pickerStrings=${markers(npubPickerStrings.en)}></nip82-consent-prompt>`);
    const picker = await nestedPicker(prompt);
    expect(text(picker.shadowRoot!.querySelector('[part=label]'))).to.equal('⟦label⟧');
    const seen = shown(picker);
    expect(seen.map((t) => t.replace(MARK, '')).filter((t) => /\p{L}{2,}/u.test(t)), 'words not taken from the overrides').to.deep.equal([]);
    for (const m of seen.join(' ').match(MARK) ?? []) expect(npubPickerStrings.en).to.have.property(m.slice(1, -1));
  });

  it('<nip82-consent-prompt lang="es">.pickerStrings: a new label on a Spanish picker', async () => {
    const prompt = await sharePrompt((records, signer) => html`<div lang="es"><nip82-consent-prompt mode="share" .records=${records} .signer=${signer} .pickerStrings=${{ label: 'Destinataire' }}></nip82-consent-prompt></div>`);
    const picker = await nestedPicker(prompt);
    expect(text(picker.shadowRoot!.querySelector('[part=label]'))).to.equal('Destinataire');
    expect(text(picker.shadowRoot!.querySelector('[part=hint]'))).to.equal(npubPickerStrings.es!.hint);
  });
});

/**
 * Every string a table can produce: plain values, and each function called with sample arguments
 * (counts of 0, 1, 2 and 5, names, every status, role, disclosure and error code the tables switch
 * on). A call the arguments do not fit is skipped; the sample set is wide enough that each branch
 * of each table is reached by some call.
 */
function everyString(table: object): string[] {
  const firsts: unknown[] = [
    undefined, 0, 1, 2, 5, 'Ana', '2030-01-02', ['Condition', 'Observation'], 'Condition',
    ...['accepted', 'rejected', 'timeout', 'auth-required', 'unreachable', 'complete', 'incomplete', 'closed'],
    ...['viewer', 'editor', 'flag', 'count', 'count-and-kind', 'active', 'overdue', 'ended', 'revoked', 'shared', 'approved', 'denied'],
    ...['malformed', 'bad-signature', 'not-a-participant', 'bad-key', 'decrypt-failed', 'too-large', 'stale', 'not-an-editor', 'signer', 'absent', 'refused'],
    ...['failed', 'connection', 'invalid-url', 'no-relays', 'not-accepted', 'relay-unavailable', 'cancelled', 'unknown', 'wrong-reader', 'deleted'],
    ...['no-key', 'unsupported', 'invalid-input', 'unchecked', 'rollback', 'future-dated', 'bad-response', 'timeout', 'account-changed', 'closed', 'part-unavailable', 'locked'],
    [{ name: 'share', sent: 1, total: 2 }, { name: 'answer', sent: 0, total: 1 }, { name: 'copy', sent: 0, total: 1 }],
    { title: undefined, kinds: 'afecciones', moreKinds: 2, author: 'Ana', date: '2 ene 2030' },
  ];
  const rests: unknown[][] = [[], [1, 1, 'Ana'], [2, 5, 'Ana'], ['Ana', 1, 2], [1, 2, 'motivo'], ['Ana']];
  // The sample arguments echoed back are not the table's words: they are blanked out.
  const echoes = [...firsts, ...rests.flat()].filter((a): a is string => typeof a === 'string').sort((a, b) => b.length - a.length);
  const words = (text: string) => echoes.reduce((t, echo) => t.replace(new RegExp(echo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '…'), text);
  const out: string[] = [];
  for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
    if (typeof value === 'string') out.push(`${key} → ${value}`);
    if (typeof value !== 'function') continue;
    for (const first of firsts) {
      for (const rest of rests) {
        try {
          const text: unknown = (value as (...args: unknown[]) => unknown)(first, ...rest);
          if (typeof text === 'string') out.push(`${key} → ${words(text)}`);
        } catch {
          // arguments of the wrong shape for this string
        }
      }
    }
  }
  return [...new Set(out)];
}

/** The entries of `strings` whose text (after the key) matches `pattern`, the first one per key. */
function matching(strings: string[], pattern: RegExp): string[] {
  const found = new Map<string, string>();
  for (const s of strings) {
    const key = s.slice(0, s.indexOf(' → '));
    if (!found.has(key) && pattern.test(s.slice(key.length + 3))) found.set(key, s);
  }
  return [...found.values()];
}

describe('Spanish: one register (usted), one word for record, no protocol words', () => {
  // Pronouns, possessives and verb forms that address the reader as tú, and tú imperatives.
  const TU = /(^|[^\p{L}])(tú|tu|tus|te|ti|contigo|puedes|quieres|tienes|has|apareces|compartes|ocultaste|ocultes|compartiste|concediste|revoques|marques|iniciaras|instala|revisa|elige|pega|comprueba|marca|desmarca|revoca|reintenta|termina|deja|ocúltalos?|muéstralo|compártelos|envíalo)(?![\p{L}])/iu;
  const tables = { sessionStrings, remoteSignInStrings, npubPickerStrings, hiddenFlagStrings, recordViewerStrings, recordViewerClinicianStrings, consentPromptStrings, accessListStrings };

  for (const [name, table] of Object.entries(tables)) {
    it(`${name}.es speaks usted, says "historial" and "firmador", and no "relé"`, () => {
      const strings = everyString(table.es!);
      expect(strings.length).to.be.greaterThan(10);
      expect(matching(strings, TU), 'tú forms').to.deep.equal([]);
      expect(matching(strings, /(^|[^\p{L}])registros?(?![\p{L}])/iu), '"registro" for a record').to.deep.equal([]);
      expect(matching(strings, /firmante/iu), '"firmante" for a signer').to.deep.equal([]);
      expect(matching(strings, /rel[eé]s?(?![\p{L}])|relays?(?![\p{L}])/iu), 'relay, a protocol word').to.deep.equal([]);
    });

    it(`${name} names no protocol or key format (NIP numbers, nprofile, naddr, hex, nostrconnect, payload) in either language`, () => {
      // Error details too: the core's messages ("not a record address (naddr)", "payload", "kind-32225") reach no screen.
      const code = /NIP-\d|nprofile|nostrconnect|naddr|payload|gift ?wrap|kind-?\d|(^|[^\p{L}])hex(adecimal)?(?![\p{L}])/iu;
      expect(matching(everyString(table.en), code), 'English').to.deep.equal([]);
      expect(matching(everyString(table.es!), code), 'Spanish').to.deep.equal([]);
      // "npub" only as the letters a public key starts with, never as the name of a thing.
      const npub = /(^|[^\p{L}])(?<!starts with |empieza por )npubs?(?![\p{L}\d])/iu;
      expect(matching(everyString(table.en), npub), 'English').to.deep.equal([]);
      expect(matching(everyString(table.es!), npub), 'Spanish').to.deep.equal([]);
    });

    it(`${name}.en says "storage server", never "relay"`, () => {
      expect(matching(everyString(table.en), /(^|[^\p{L}])relays?(?![\p{L}])/iu), 'relay, a protocol word').to.deep.equal([]);
    });
  }
});

describe('several storage servers named in one sentence', () => {
  const servers = ['wss://a.example', 'wss://b.example', 'wss://c.example'];

  it('are listed as each language lists them, and the Spanish says who did not sign in', () => {
    expect(recordsStringsEn.mailSignIn(servers)).to.contain('wss://a.example, wss://b.example, and wss://c.example asked you to sign in, and you did not.');
    expect(recordsStringsEs.mailSignIn(servers)).to.contain('wss://a.example, wss://b.example y wss://c.example pidieron que usted se identificara y usted no lo hizo.');
    expect(recordsStringsEs.mailSignIn(servers.slice(0, 1))).to.contain('wss://a.example pidió que usted se identificara y usted no lo hizo.');
    expect(recordsStringsEs.mailSignInFailed(servers.slice(0, 2))).to.contain('wss://a.example y wss://b.example pidieron');
    expect(errorDetailEs('unchecked', `Could not check ${servers.join(', ')} for a newer version.`)).to.contain('si wss://a.example, wss://b.example o wss://c.example tiene una versión más nueva');
  });
});
