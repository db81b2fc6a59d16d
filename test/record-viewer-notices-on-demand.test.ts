/**
 * The notices of a load that did not go as planned (relays that did not answer, records that could
 * not be opened, records left for a later load) are a module of their own, fetched the first time
 * one is due: a record's first view does not download it. Once it arrives the notices read as
 * before, updateComplete waits for them, and the reader's focus stays where it is.
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

/** Whether the page has fetched the notices' module (each test file runs in a page of its own). */
const noticesFetched = () => performance.getEntriesByType('resource').some((e) => e.name.includes('record-notices'));

describe('<nip82-record-viewer> notices, fetched when first due', () => {
  // First: nothing before it in this page has needed the notices.
  it('are not fetched for a record whose load went as planned', async () => {
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
    await el.updateComplete;
    expect($(el, 'article[part=record]')).to.exist;
    // Past the idle work that follows the first view.
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
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
