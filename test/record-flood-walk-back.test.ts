/**
 * Anyone may publish record-kind events that list a patient (a `p` tag costs nothing), dated after
 * the patient's real record. A load reads records newest first and stops at its bounds: a flood
 * larger than them filled every load, and the patient's real, older record was never reached, at
 * any load, while nothing said that records were left unchecked. A load cut short must say so, and
 * the next loads must walk on, past the flood, to the record. And a record found only that deep
 * must still leave the store once its author deletes it: deletions are not addressed to the
 * patient, and were asked for only for the records a load's reads brought, never for one the
 * flood keeps out of them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord, deleteRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RecordStore } from '../components/core/store/record-store.js';
import { nowSeconds, type NostrEvent } from '../components/core/events.js';
import { counting, person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { sessionContext } from '../components/shared/context.js';
import '../components/record-viewer/define.js';
import '../components/access-list/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';

/** Characters one load of records may download here: a few dozen junk events, far below the 64 MB a page allows. */
const MAX_CHARS = 40_000;
/** Junk events of this many characters each: the flood is several loads' worth. */
const JUNK_CHARS = 2_000;
const JUNK = 80;

/** A stranger's record-kind event listing `patient`, with no key for them, dated `at`. */
function junk(patient: string, at: number): NostrEvent {
  return finalizeEvent({ kind: 32225, created_at: at, tags: [['d', crypto.randomUUID()], ['p', patient]], content: 'x'.repeat(JUNK_CHARS) }, generateSecretKey()) as NostrEvent;
}

/** A record by `hospital` for `patient`, naming `text` as its condition, dated `at`. */
async function record(hospital: Person, patient: Person, text: string, at: number): Promise<NostrEvent[]> {
  const bundle = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`);
  const condition = bundle.entry[2]!;
  (condition.resource as { code: { text: string } }).code.text = text;
  // Its own identity: records holding the same resource are shown as one.
  const id = crypto.randomUUID();
  condition.fullUrl = `urn:uuid:${id}`;
  condition.resource.id = id;
  return createRecord({ bundle, author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }], createdAt: at });
}

const conditions = (store: RecordStore) =>
  store.held.flatMap((r) => (r.bundle.entry ?? []).map((e) => (e.resource as { code?: { text?: string } }).code?.text).filter(Boolean));

/** A flood of junk newer than a record of the patient's (and `more` records, older still), on `url`. */
async function flooded(url: string, patient: Person, hospital: Person, more: readonly NostrEvent[][] = []): Promise<void> {
  const now = nowSeconds();
  const publisher = new RelayClient({ relays: [url] });
  try {
    for (const events of more) await publisher.publishAll(events);
    await publisher.publishAll(await record(hospital, patient, 'Asthma', now - 2000));
    // Newer than the record, and more than one load downloads: each in a second of its own.
    await publisher.publishAll(Array.from({ length: JUNK }, (_, i) => junk(patient.pubkey, now - 1000 + i)));
  } finally {
    publisher.close();
  }
}

/**
 * `tag` inside a session (its value provided as `<nip82-session>` would) whose store loads as
 * little as the store above: the patient signed in, on `url`.
 */
async function inSession<T extends HTMLElement>(url: string, patient: Person, tag: string): Promise<{ store: RecordStore; el: T }> {
  const store = new RecordStore({ client: new RelayClient({ relays: [url], signer: patient.signer, maxCharsPerRead: MAX_CHARS }), signer: patient.signer, reader: patient.pubkey });
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(wrapper, { context: sessionContext, initialValue: { relays: [url], signer: patient.signer, pubkey: patient.pubkey, store } });
  return { store, el: wrapper.appendChild(document.createElement(tag)) as T };
}

describe('a flood of newer record-kind events listing the patient', function () {
  this.timeout(120000);

  it('hides the patient\'s real record at no load: a load cut short says so, and the next loads walk back to it', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    await flooded(url, patient, hospital);

    const signer = counting(patient.signer);
    const store = new RecordStore({ client: new RelayClient({ relays: [url], signer, maxCharsPerRead: MAX_CHARS }), signer });
    try {
      await store.load();
      let loads = 1;
      while (!conditions(store).includes('Asthma') && loads < 20) {
        // Until the record shows, the store must not claim it checked everything.
        expect({ load: loads, olderRecordsUnchecked: store.olderRecordsUnchecked }).to.deep.equal({ load: loads, olderRecordsUnchecked: true });
        await store.load({ refresh: true });
        loads++;
      }
      expect(conditions(store), `the record under the flood never showed in ${loads} loads`).to.include('Asthma');
      expect(loads, 'the flood was larger than one load').to.be.greaterThan(1);

      // A record arriving while the loads walk back shows at the next load, ahead of the walk.
      const fresh = new RelayClient({ relays: [url] });
      try {
        await fresh.publishAll(await record(hospital, patient, 'Eczema', nowSeconds()));
      } finally {
        fresh.close();
      }
      await store.load({ refresh: true });
      expect(conditions(store)).to.include.members(['Asthma', 'Eczema']);

      // The walk ends: every event was checked, and the store says so.
      while (store.olderRecordsUnchecked && loads < 40) {
        await store.load({ refresh: true });
        loads++;
      }
      expect(store.olderRecordsUnchecked, `still unchecked after ${loads} loads`).to.equal(false);
      // The junk holds no key for the patient: it cost their signer nothing, one decrypt per record.
      expect(signer.calls.nip44Decrypt).to.equal(2);
      expect(store.failures).to.have.length(0);
      store.clear();
      expect(store.olderRecordsUnchecked).to.equal(false);
    } finally {
      store.close();
    }
  });

  it('is walked past under the store\'s own lower bound on events too (recordReadBounds), whatever their size', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    await flooded(url, patient, hospital);
    const store = new RecordStore({ client: new RelayClient({ relays: [url], signer: patient.signer }), signer: patient.signer, recordReadBounds: { maxDownloaded: 20 } });
    try {
      await store.load();
      expect(store.olderRecordsUnchecked, 'the first load stopped at its 20 events').to.equal(true);
      let loads = 1;
      while (!conditions(store).includes('Asthma') && loads < 20) {
        expect(store.olderRecordsUnchecked, `load ${loads}`).to.equal(true);
        await store.load({ refresh: true });
        loads++;
      }
      expect(conditions(store), `the record under the flood never showed in ${loads} loads`).to.include('Asthma');
    } finally {
      store.close();
    }
  });

  it('is said in the record viewer, which looks further back at "Open more records" until the record shows', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    await flooded(url, patient, hospital);
    const { store, el: viewer } = await inSession<Nip82RecordViewer>(url, patient, 'nip82-record-viewer');
    try {
      await waitUntil(() => buttonByText(viewer, 'Unlock my records'), 'no way to unlock');
      buttonByText(viewer, 'Unlock my records')!.click();
      const idle = () => viewer.status !== 'waiting-signer' && viewer.status !== 'working';
      await waitUntil(() => idle() && store.loaded, 'the first load never ended', { timeout: 20000 });
      await viewer.updateComplete;
      // Nothing found yet: the viewer must not say there is nothing, but that not all was checked.
      expect(text(viewer.shadowRoot)).not.to.contain('No records were found');
      expect(text(viewer.shadowRoot)).not.to.contain('could not be reached');
      expect(text(viewer.shadowRoot)).to.contain('may not have been checked yet');
      let presses = 0;
      while (!text(viewer.shadowRoot).includes('Asthma') && presses < 20) {
        expect(text(viewer.shadowRoot), `press ${presses}`).to.contain('may not have been checked yet');
        const loads = store.reports;
        buttonByText(viewer, 'Open more records')!.click();
        presses++;
        await waitUntil(() => idle() && store.reports !== loads, `load ${presses} never ended`, { timeout: 20000 });
        await viewer.updateComplete;
      }
      expect(text(viewer.shadowRoot), `the record under the flood never showed in ${presses} presses`).to.contain('Asthma');
    } finally {
      store.close();
    }
  });

  it('is said in the access list, which looks further back at each load until the record is listed', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    await flooded(url, patient, hospital);
    const { store, el: list } = await inSession<Nip82AccessList>(url, patient, 'nip82-access-list');
    try {
      await waitUntil(() => buttonByText(list, 'Unlock my records'), 'no way to load');
      let loads = store.reports;
      buttonByText(list, 'Unlock my records')!.click();
      let presses = 1;
      await waitUntil(() => store.reports !== loads && list.status === 'done', 'the first load never ended', { timeout: 20000 });
      await list.updateComplete;
      expect(text(list.shadowRoot)).not.to.contain('No records list you yet');
      while (!text(list.shadowRoot).includes('1 record loaded') && presses < 20) {
        expect(text(list.shadowRoot), `press ${presses}`).to.contain('may not have been checked yet');
        loads = store.reports;
        buttonByText(list, 'Load your records again')!.click();
        presses++;
        await waitUntil(() => store.reports !== loads && list.status === 'done', `load ${presses} never ended`, { timeout: 20000 });
        await list.updateComplete;
      }
      expect(text(list.shadowRoot), `the record under the flood never listed in ${presses} loads`).to.contain('1 record loaded');
    } finally {
      store.close();
    }
  });
  it('keeps no record its author deleted: one found only deep in the walk leaves the store, and the viewer, at the next load while the flood lasts; one not deleted stays', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = [await person(), await person()];
    const eczema = await record(hospital, patient, 'Eczema', nowSeconds() - 3000);
    await flooded(url, patient, hospital, [eczema]);
    const { store, el: viewer } = await inSession<Nip82RecordViewer>(url, patient, 'nip82-record-viewer');
    try {
      await waitUntil(() => buttonByText(viewer, 'Unlock my records'), 'no way to unlock');
      buttonByText(viewer, 'Unlock my records')!.click();
      await waitUntil(() => store.loaded && !store.busy, 'the first load never ended', { timeout: 20000 });
      let loads = 1;
      while (!(conditions(store).includes('Asthma') && conditions(store).includes('Eczema')) && loads < 20) {
        await store.load({ refresh: true });
        loads++;
      }
      expect(conditions(store), `the records under the flood never showed in ${loads} loads`).to.include.members(['Asthma', 'Eczema']);
      await waitUntil(() => text(viewer.shadowRoot).includes('Asthma') && text(viewer.shadowRoot).includes('Eczema'), 'the viewer never showed both records');

      // Its author deletes the record: the relay drops its versions and keeps the deletion.
      const author = new RelayClient({ relays: [url] });
      try {
        await author.publishAll(deleteRecord(await openRecord(eczema, hospital.signer)));
      } finally {
        author.close();
      }
      await store.load({ refresh: true });
      // The flood still fills what a load reads first: the records were found only by the walk.
      expect(store.reports.map((r) => r.status), 'the flood no longer filled the newest read').to.include('incomplete');
      expect(conditions(store), 'the deleted record stayed in the store').to.include('Asthma').and.not.include('Eczema');
      await waitUntil(() => !text(viewer.shadowRoot).includes('Eczema'), 'the viewer still shows the deleted record');
      expect(text(viewer.shadowRoot)).to.contain('Asthma');

      // Loads go on as before: the deleted record does not come back, the other stays.
      await store.load({ refresh: true });
      expect(conditions(store)).to.include('Asthma').and.not.include('Eczema');
      expect(store.failures).to.have.length(0);
    } finally {
      store.close();
    }
  });
});
