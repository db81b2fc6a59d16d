/**
 * A record whose JSON has a "__proto__" key (no FHIR field is named so) shows the same whether or
 * not a null lies beside it: leaving the nulls out copies the key as the record's own field, never
 * as what the copy inherits from, so the words under it are not read as the concept's text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { readBundle } from '../components/core/fhir/bundle.js';
import { $$, text } from './element-helpers.js';

/** A Condition named "Asthma" by its coding, whose code also holds a "__proto__" key and, with `withNull`, a null text. */
const recordText = (withNull: boolean) =>
  `{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000701","resource":{"resourceType":"Condition","recordedDate":"2024-01-02",` +
  `"code":{"__proto__":{"text":"Injected words"},${withNull ? '"text":null,' : ''}"coding":[{"display":"Asthma"}]}}}]}`;

async function titles(bundle: FhirBundle): Promise<string[]> {
  const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
  await waitUntil(() => $$(el, '[part=item]').length === 1, 'the item never showed');
  return $$(el, '[part=item] .title').map(text);
}

describe('record viewer: a "__proto__" key in a record', () => {
  it('is not read as the concept\'s text, with or without a null beside it', async () => {
    expect(await titles(JSON.parse(recordText(false)) as FhirBundle)).to.deep.equal(['Asthma']);
    expect(await titles(JSON.parse(recordText(true)) as FhirBundle)).to.deep.equal(['Asthma']);
  });

  it('is kept as the record\'s own field when read from text or copied from an object', () => {
    for (const withNull of [false, true]) {
      for (const read of [readBundle(recordText(withNull)), readBundle(JSON.parse(recordText(withNull)))]) {
        const code = read.entry![0]!.resource!.code as Record<string, unknown>;
        expect(JSON.stringify([Object.keys(code), code.text ?? null])).to.equal('[["__proto__","coding"],null]');
      }
    }
  });
});
