/**
 * "Bad input never throws at the page: it becomes `bad-data` with a plain message." A page that
 * hands the viewer's `records` what is not an opened record (a FHIR Bundle, meant for `.bundle`)
 * sees the viewer say the information given is not valid and hears `nip82-error` (`invalid-input`,
 * the records taken off the element), rather than an empty viewer and an uncaught error; the record handed in rightly afterwards shows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { OpenedRecord } from '../components/core/index.js';
import { sampleBundle } from './helpers.js';
import { waitUntil } from './wait.js';
import { text } from './element-helpers.js';

describe('the record viewer handed records that are not opened records', () => {
  it('says bad-data in plain words and fires nip82-error (invalid-input); a Bundle handed in then shows', async () => {
    const codes: string[] = [];
    const wrap = await fixture<HTMLDivElement>(html`<div @nip82-error=${(e: CustomEvent) => codes.push(e.detail.code)}>
      <nip82-record-viewer></nip82-record-viewer>
    </div>`);
    const el = wrap.querySelector<Nip82RecordViewer>('nip82-record-viewer')!;
    el.records = [sampleBundle()] as unknown as OpenedRecord[];
    await waitUntil(() => el.status === 'bad-data', `status ${el.status}`);
    expect(codes).to.deep.equal(['invalid-input']);
    expect(el.records, 'taken off the element').to.equal(undefined);
    expect(text(el.shadowRoot)).to.include('This record could not be read. Some of the information given is not valid.').and.not.include('undefined');
    el.records = undefined;
    el.bundle = sampleBundle();
    await waitUntil(() => text(el.shadowRoot).includes('Penicillin'), 'the Bundle is not shown');
    expect(el.status).to.equal('done');
  });
});
