/**
 * Parts of the record viewer a record's first view does not use are modules of their own, fetched
 * when first needed: the notices of a load that did not go as planned (relays that did not answer,
 * records that could not be opened, records left for a later load), the first time one is due; the
 * search by the reader's words, the first time the reader searches (or while the page is idle once
 * a record shows). Once they arrive they show what they showed before, updateComplete waits for
 * them, and the reader's focus stays where it is.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { downRelayUrl, person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** Whether the page has fetched a module (each test file runs in a page of its own). */
const fetched = (module: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(module));
const noticesFetched = () => fetched('record-notices');
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));

describe('<nip82-record-viewer> parts fetched when first needed', () => {
  // First: nothing before it in this page has needed any part.
  it('fetches neither part for a viewer that shows nothing yet', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer></nip82-record-viewer>`);
    await el.updateComplete;
    await idle();
    expect({ notices: noticesFetched(), search: fetched('record-search') }).to.deep.equal({ notices: false, search: false });
  });

  it('a search typed as the record opens finds what the record says and what the viewer words, and the focus stays in the search box', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    const all = $$(el, '[part=item]').length;
    const input = $<HTMLInputElement>(el, 'input[type=search]')!;
    // The first record of this page, searched before the page was idle: the search arrives for it.
    expect(fetched('record-search'), 'fetched before the first search').to.equal(false);
    input.focus();
    // By the record's own text.
    input.value = 'penicillin';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const found = $$(el, '[part=item]').map((li) => text(li));
    expect(found).to.have.length(1);
    expect(found[0]).to.contain('Penicillin');
    expect(text($(el, '.count')!)).to.contain(`Showing 1 of ${all} items`);
    expect(el.shadowRoot!.activeElement).to.equal(input);
    // By the words the viewer shows for it (its section's heading), not in the record itself.
    input.value = 'allergies';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($$(el, 'section[part=section]').map((section) => section.dataset.section)).to.deep.equal(['allergies']);
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(fetched('record-search')).to.equal(true);
    // Cleared: every item again.
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($$(el, '[part=item]')).to.have.length(all);
  });

  it('does not fetch the notices for a record whose load went as planned', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    expect($(el, 'article[part=record]')).to.exist;
    await idle();
    expect(noticesFetched()).to.equal(false);
    expect($(el, '.details, .failures, .more')).to.equal(null);
  });

  it('list a relay that could not be reached once they arrive, beside the records the others gave, and leave the focus on the first record', async () => {
    const relay = await relayUrl('main');
    const down = await downRelayUrl();
    const reader = await person();
    const patient = await person();
    const client = new RelayClient({ relays: [relay] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${`${relay} ${down}`} .signer=${reader.signer}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(noticesFetched(), 'fetched before any notice was due').to.equal(false);
    const unlock = buttonByText(el, 'Unlock my records')!;
    unlock.focus();
    unlock.click();
    await waitUntil(() => el.status === 'done', 'never unlocked', { timeout: 15000 });
    // updateComplete waits for the notices' module: no test (or host) sees the notice missing.
    await el.updateComplete;
    const relays = $(el, '.details.relays');
    expect(relays, 'the unreachable relay listed').to.exist;
    expect(text(relays!)).to.contain(down).and.not.contain(relay);
    expect(text($(el, 'article[part=record]')!)).to.contain('Penicillin');
    // The unlock button went with the records: the keyboard goes on from the first record's heading,
    // and the notice arriving above it does not move it.
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'article[part=record] h2'));
    expect(noticesFetched()).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
