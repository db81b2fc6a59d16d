import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../wait.js';
import '../../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../../components/record-viewer/record-viewer.js';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { encrypt, getConversationKey } from 'nostr-tools/nip44';
import { npubEncode } from 'nostr-tools/nip19';
import { createRecord } from '../../components/core/nip82/record.js';
import { createAccessRequest } from '../../components/core/nip82/requests.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { MAX_RECORD_DECRYPTS_PER_LOAD, MAX_WRAPS_PER_READ, RecordStore } from '../../components/core/store/record-store.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { counting, person, relayUrl, sampleBundle, type Person } from '../helpers.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A record anyone can mint for `reader`: four key tags for them, none of which opens (each costs
 * the reader a signer decrypt), dated `created_at`.
 */
function spamRecord(reader: string, created_at: number): NostrEvent {
  const signKey = generateSecretKey();
  const keyTags = Array.from({ length: 4 }, () => ['key', reader, encrypt(hex(generateSecretKey()), getConversationKey(generateSecretKey(), reader))]);
  return finalizeEvent({
    kind: 32225, created_at,
    tags: [['d', hex(generateSecretKey()).slice(0, 32)], ['p', reader], ...keyTags],
    content: encrypt('not for anyone', getConversationKey(signKey, getPublicKey(signKey))),
  }, signKey) as NostrEvent;
}

describe('one read asks the signer a bounded number of times, newest first', () => {
  let publisher: RelayClient;
  let url: string;

  before(async () => {
    url = await relayUrl('main');
    publisher = new RelayClient({ relays: [url] });
  });
  after(() => publisher.close());

  function storeFor(who: Person) {
    const signer = counting(who.signer);
    const store = new RecordStore({ client: new RelayClient({ relays: [url], signer }), signer });
    return { signer, store };
  }

  it(`opens at most ${MAX_WRAPS_PER_READ} gift wraps per mail read, the newest, says how many are left, and the next read opens them`, async () => {
    const patient = await person();
    const clinician = await person();
    const extra = 12;
    const wraps = new Map<string, number>(); // rumor id → its wrap's time
    for (let i = 0; i < MAX_WRAPS_PER_READ + extra; i++) {
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: `Visit ${i}` });
      await publisher.publishAll([events[0]!]); // the patient's wrap
      wraps.set(request.id, events[0]!.created_at);
    }
    const { signer, store } = storeFor(patient);
    try {
      await store.readMail();
      expect(signer.calls.nip44Decrypt).to.be.at.most(MAX_WRAPS_PER_READ * 2);
      expect(store.messages).to.have.length(MAX_WRAPS_PER_READ);
      expect(store.unreadMail).to.equal(extra);
      // The ones read are the newest wraps.
      const read = new Set(store.messages.map((m) => m.id));
      const oldestRead = Math.min(...[...read].map((id) => wraps.get(id)!));
      const newestLeft = Math.max(...[...wraps].filter(([id]) => !read.has(id)).map(([, at]) => at));
      expect(oldestRead).to.be.at.least(newestLeft);

      await store.readMail({ refresh: true });
      expect(store.messages).to.have.length(MAX_WRAPS_PER_READ + extra);
      expect(store.unreadMail).to.equal(0);
      expect(signer.calls.nip44Decrypt).to.equal((MAX_WRAPS_PER_READ + extra) * 2);
      // No wrap is opened twice.
      await store.readMail({ refresh: true });
      expect(signer.calls.nip44Decrypt).to.equal((MAX_WRAPS_PER_READ + extra) * 2);
    } finally {
      store.close();
    }
  });

  it(`spends at most ${MAX_RECORD_DECRYPTS_PER_LOAD} decrypts per load on records, newest first, and never tries a failed record twice`, async () => {
    const patient = await person();
    const hospital = await person();
    const spam = 30;
    const now = nowSeconds();
    for (let i = 0; i < spam; i++) await publisher.publishAll([spamRecord(patient.pubkey, now - 100 - i)]);
    // The patient's own records are the newest: they open in the first load.
    for (const text of ['Asthma', 'Eczema']) {
      const bundle = sampleBundle(`nostr:${npubEncode(patient.pubkey)}`);
      (bundle.entry[2]!.resource as { code: { text: string } }).code.text = text;
      await publisher.publishAll(await createRecord({ bundle, author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'viewer' }] }));
    }
    const { signer, store } = storeFor(patient);
    try {
      await store.load();
      expect(signer.calls.nip44Decrypt).to.be.at.most(MAX_RECORD_DECRYPTS_PER_LOAD);
      expect(store.held).to.have.length(2);
      // Two decrypts for the records, four for each spam record tried: 24 fit in the budget.
      expect(store.failures).to.have.length(24);
      expect(store.unopenedRecords).to.equal(spam - 24);

      await store.load({ refresh: true });
      expect(store.unopenedRecords).to.equal(0);
      expect(store.failures).to.have.length(spam);
      expect(signer.calls.nip44Decrypt).to.equal(2 + spam * 4);
      // Nothing is tried twice, and what could not be opened is still said.
      await store.load({ refresh: true });
      expect(signer.calls.nip44Decrypt).to.equal(2 + spam * 4);
      expect(store.failures).to.have.length(spam);
      expect(store.held).to.have.length(2);
    } finally {
      store.close();
    }
  });
});

describe('the record viewer says what a load left unopened', () => {
  it('shows how many records are left and opens them with "Open more records"', async () => {
    const url = await relayUrl('main');
    const publisher = new RelayClient({ relays: [url] });
    const reader = await person();
    const now = nowSeconds();
    try {
      for (let i = 0; i < 30; i++) await publisher.publishAll([spamRecord(reader.pubkey, now - i)]);
    } finally {
      publisher.close();
    }
    const signer = counting(reader.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${url} .signer=${signer}></nip82-record-viewer>`);
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button.unlock')!.click();
    // Every record tried failed: the viewer says so, and that more are left.
    await waitUntil(() => root.querySelector('.more'), 'the records left were not said', { timeout: 15000 });
    expect(signer.calls.nip44Decrypt).to.be.at.most(MAX_RECORD_DECRYPTS_PER_LOAD);
    expect(root.querySelector('.more')!.textContent).to.contain('5 more records were not opened yet');
    // Pressed from the keyboard, the button goes as it starts: the keyboard user is on the unlock
    // button (busy meanwhile; no record is shown to land on), not on the page's body.
    root.querySelector<HTMLButtonElement>('button.open-more')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !root.querySelector('button.open-more'), 'the button stayed');
    expect(root.activeElement?.matches('button.unlock') ?? false, 'focus on the unlock button').to.equal(true);
    expect(document.activeElement === document.body, 'focus dropped to the page').to.equal(false);
    await waitUntil(() => signer.calls.nip44Decrypt === 30 * 4 && el.status !== 'waiting-signer' && el.status !== 'working', 'the records left were not tried', { timeout: 15000 });
    await el.updateComplete;
    expect(root.querySelector('.more')).to.equal(null);
    expect(root.activeElement?.matches('button.unlock') ?? false, 'focus still on the unlock button').to.equal(true);
  });
});
