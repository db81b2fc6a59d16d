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
import { sessionStrings } from '../components/session/session.strings.js';
import { sampleBundle } from './helpers.js';

type Table = object;

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
    for (const tables of [sessionStrings, npubPickerStrings, hiddenFlagStrings, recordViewerStrings, recordViewerClinicianStrings, consentPromptStrings, accessListStrings]) {
      expect(Object.keys(tables.es).sort()).to.deep.equal(Object.keys(tables.en).sort());
    }
    // The viewer's clinician words (audience="clinician") replace words, never add or drop a key.
    expect(Object.keys(recordViewerClinicianStrings.en).sort()).to.deep.equal(Object.keys(recordViewerStrings.en).sort());
  });
});
