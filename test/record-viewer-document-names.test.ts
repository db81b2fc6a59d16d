/**
 * A record with many documents of one kind (a note per visit) shows a "Document text" to open under
 * each. To a screen reader each is named for its document: the item's title (else its kind) and its
 * date, as the item's heading shows them, so fifteen of them are not fifteen "Document text". A text
 * with a title of its own is named by it, as before. English and Spanish.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { waitUntil } from './wait.js';
import { $$, accessibleName, text } from './element-helpers.js';
import { b64, entryOf } from './record-extras-helpers.js';

const note = (n: number, date: string | undefined, title?: string) => ({
  resourceType: 'DocumentReference', id: `d${n}`, status: 'current', type: { text: 'History and physical note' }, ...(date ? { date } : {}),
  content: [{ attachment: { contentType: 'text/plain', data: b64(`Visit ${n}.`), ...(title ? { title } : {}) } }],
});

function bundle(): FhirBundle {
  return {
    resourceType: 'Bundle', type: 'collection',
    entry: [note(1, '2021-04-06'), note(2, '2022-04-06'), note(3, '2023-04-06'), note(4, undefined), note(5, '2020-01-02', 'Referral letter')].map((r, i) => entryOf(r as never, 2 + i)),
  } as FhirBundle;
}

/** Each document's text to open: its name to a screen reader, and its item's title and date on screen. */
function documents(el: Nip82RecordViewer) {
  return $$(el, 'details.attachment').map((d) => {
    const item = d.closest('[part~="item"]')!;
    return { name: accessibleName(d.querySelector('summary')!), title: text(item.querySelector('.title')), date: text(item.querySelector('.item-head time')), shown: text(d.querySelector('summary')) };
  });
}

describe('<nip82-record-viewer> each document\'s text is named for its document', function () {
  this.timeout(30000);

  it('by the item\'s title and date when the text has no title of its own', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    await waitUntil(() => $$(el, 'details.attachment').length === 5, 'the documents\' texts');
    const docs = documents(el);
    const untitled = docs.filter((d) => d.shown === 'Document text');
    expect(untitled).to.have.length(4);
    for (const d of untitled) expect(d.name).to.equal(d.date ? `Document text: ${d.title}, ${d.date}` : `Document text: ${d.title}`);
    expect(untitled.filter((d) => d.date)).to.have.length(3);
    expect(untitled.every((d) => d.title === 'History and physical note')).to.equal(true);
    expect(new Set(docs.map((d) => d.name)).size, 'every name different').to.equal(5);
    expect(docs.find((d) => d.shown !== 'Document text')!.name).to.equal('Document text: Referral letter');
  });

  it('in Spanish too', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer .bundle=${bundle()}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(el, 'details.attachment summary').some((s) => text(s) === 'Texto del documento'), 'the Spanish texts');
    const untitled = documents(el).filter((d) => d.shown === 'Texto del documento');
    expect(untitled).to.have.length(4);
    for (const d of untitled) expect(d.name).to.equal(d.date ? `Texto del documento: ${d.title}, ${d.date}` : `Texto del documento: ${d.title}`);
  });
});
