// The session record store in plain Node (built dist/core): loads once, opens each record with one
// signer call, tells share copies from held records, keeps the consent history, and clears
// everything at a sign-out or a changed key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { encrypt, decrypt, getConversationKey } from 'nostr-tools/nip44';
import { npubEncode } from 'nostr-tools/nip19';
import { startRelay } from '../../scripts/relay.mjs';
import {
  RelayClient, RecordStore, RecordError, SignerError, createRecord, createShare, grantConsent, consentSource, revokeAccess, secretKeySigner,
  createAccessRequest, nowSeconds,
} from '../../dist/core/index.js';

useWebSocketImplementation(WebSocket);

let relay;
let publisher;
before(async () => {
  relay = await startRelay({});
  publisher = new RelayClient({ relays: [relay.url] });
});
after(async () => {
  publisher.close();
  await relay.close();
});

/** A signer that counts its calls, and whose key can be switched as in an extension. */
function switchable(first) {
  const calls = {};
  let current = first;
  const count = (name, run) => (...args) => {
    calls[name] = (calls[name] ?? 0) + 1;
    return run(...args);
  };
  return {
    calls,
    use(next) { current = next; },
    getPublicKey: count('getPublicKey', () => current.getPublicKey()),
    signEvent: count('signEvent', (t) => current.signEvent(t)),
    nip44Encrypt: count('nip44Encrypt', (p, t) => current.nip44Encrypt(p, t)),
    nip44Decrypt: count('nip44Decrypt', (p, t) => current.nip44Decrypt(p, t)),
  };
}

const person = () => secretKeySigner(generateSecretKey());

function bundleFor(patient, items) {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(patient)}` }] } },
      ...items.map((text) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Condition', code: { text }, subject: { reference: 'Patient/x' } } })),
    ],
  };
}

async function recordFor(author, patient, items) {
  const events = await createRecord({ bundle: bundleFor(patient, items), author, participants: [{ pubkey: patient, role: 'editor' }] });
  await publisher.publishAll(events);
  return events;
}

test('loads once for every caller, one signer decryption per record, none the second time', async () => {
  const hospital = person();
  const me = person();
  const pk = await me.getPublicKey();
  await recordFor(hospital, pk, ['Asthma']);
  await recordFor(hospital, pk, ['Eczema', 'Hay fever']);
  const signer = switchable(me);
  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer }), signer });
  try {
    await Promise.all([store.load(), store.load(), store.load()]);
    assert.equal(store.records.length, 2);
    assert.equal(signer.calls.nip44Decrypt, 2);
    await store.load();
    await store.load({ refresh: true });
    assert.equal(signer.calls.nip44Decrypt, 2, 'a refresh opens nothing already open');
    assert.equal(store.reader, pk);
  } finally {
    store.close();
  }
});

test('events that give the reader no key, or broken key tags, are left out; a record with a key for the reader that fails is reported', async () => {
  const hospital = person();
  const me = person();
  const pk = await me.getPublicKey();
  await recordFor(hospital, pk, ['Asthma']);
  const now = Math.floor(Date.now() / 1000);
  const payload = 'A'.repeat(200);
  // Another project's event of the same kind: no key tags, plain text content.
  const foreign = finalizeEvent({ kind: 32225, created_at: now, tags: [['d', 'reading-list'], ['p', pk]], content: 'Books to read' }, generateSecretKey());
  // A key tag that is not [key, pubkey, ciphertext]: anyone may publish it, for free.
  const broken = finalizeEvent({ kind: 32225, created_at: now, tags: [['d', 'x'], ['p', pk], ['key', pk]], content: payload }, generateSecretKey());
  // The reader listed, the key given to someone else.
  const other = await person().getPublicKey();
  const notMine = finalizeEvent({ kind: 32225, created_at: now, tags: [['d', 'y'], ['p', pk], ['key', other, payload]], content: payload }, generateSecretKey());
  // A key for the reader that does not decrypt: a record of theirs that failed.
  const failing = finalizeEvent({ kind: 32225, created_at: now, tags: [['d', 'z'], ['p', pk], ['key', pk, payload]], content: payload }, generateSecretKey());
  await publisher.publishAll([foreign, broken, notMine, failing]);
  const signer = switchable(me);
  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer }), signer });
  try {
    await store.load();
    assert.equal(store.records.length, 1);
    assert.deepEqual(store.failures.map((f) => f.signPubkey), [failing.pubkey]);
    assert.equal(signer.calls.nip44Decrypt, 2, 'the record and the failing one; nothing for the noise');
  } finally {
    store.close();
  }
});

test('a share copy the reader made is a share, not a record, and opens with no signer call', async () => {
  const hospital = person();
  const me = person();
  const clinic = await person().getPublicKey();
  const pk = await me.getPublicKey();
  await recordFor(hospital, pk, ['Asthma', 'Fracture']);
  const signer = switchable(me);
  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer }), signer });
  try {
    await store.load();
    const [record] = store.held;
    const hidden = record.bundle.entry.find((e) => e.resource.code?.text === 'Fracture').fullUrl;
    const items = record.bundle.entry.filter((e) => e.resource.resourceType !== 'Provenance').map((e) => e.fullUrl);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: pk, recipient: clinic, role: 'viewer', until: '2099-01-31', purpose: 'Check-up' }));
    const events = await createShare({
      from: [record, source], include: [...items, fullUrl], withhold: [hidden], disclose: 'count',
      author: signer, participants: [{ pubkey: clinic, role: 'viewer' }], keyCache: store.keyCache,
    });
    await store.client.publishAll(events);
    const decrypts = signer.calls.nip44Decrypt;
    await store.adopt(events);
    assert.equal(signer.calls.nip44Decrypt, decrypts, 'the copy opened from the cached key');
    assert.equal(store.held.length, 1, 'still one record the patient holds');
    assert.equal(store.shares.length, 1);
    const [share] = store.shares;
    assert.equal(share.grant.recipient, clinic);
    assert.equal(share.grant.until, '2099-01-31');
    assert.equal(share.status, 'active');
    assert.equal(share.hidden, 1);
    assert.equal(share.items, 2, 'the patient and one condition (the grant note and the marker not counted)');

    await store.load({ refresh: true });
    assert.equal(store.held.length, 1, 'a fresh load still tells the copy apart');
    assert.equal(signer.calls.nip44Decrypt, decrypts);

    // Revoked: the history says so, and no longer in force.
    const change = await revokeAccess(share.record, clinic);
    await store.client.publishAll(change.events);
    store.applyChange(share.record, change, clinic);
    assert.equal(store.shares[0].status, 'revoked');
    const kinds = store.history().map((e) => `${e.kind}:${e.inForce}`);
    assert.deepEqual(kinds.sort(), ['revoked:false', 'shared:false']);
  } finally {
    store.close();
  }
});

test('a different key from the same signer clears the store; the old records cannot be changed', async () => {
  const hospital = person();
  const first = person();
  const second = person();
  await recordFor(hospital, await first.getPublicKey(), ['Asthma']);
  await recordFor(hospital, await second.getPublicKey(), ['Gout']);
  const signer = switchable(first);
  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer }), signer });
  const changes = [];
  store.subscribe((c) => changes.push(c));
  try {
    await store.load();
    const [old] = store.records;
    assert.equal(store.keyCache.size, 1);
    signer.use(second);
    await assert.rejects(store.assertCanChange(old), (e) => e instanceof RecordError && e.code === 'wrong-reader');
    assert.ok(changes.includes('cleared') && changes.includes('reader'));
    assert.equal(store.records.length, 0);
    assert.equal(store.keyCache.size, 0);
    // The old view's keys were wiped with it: it can no longer be changed by anyone.
    await assert.rejects(revokeAccess(old, await hospital.getPublicKey()), (e) => e instanceof RecordError);
    await store.load();
    assert.deepEqual(store.records.flatMap((r) => r.bundle.entry.filter((e) => e.resource.resourceType === 'Condition').map((e) => e.resource.code.text)), ['Gout']);
    assert.equal(store.reader, await second.getPublicKey());
  } finally {
    store.close();
  }
  assert.equal(store.isClosed, true);
  await assert.rejects(store.load(), (e) => e instanceof RecordError && e.code === 'wrong-reader');
});

test('a sign-out during a load keeps nothing of what the load finds', async () => {
  const hospital = person();
  const me = person();
  await recordFor(hospital, await me.getPublicKey(), ['Asthma']);
  let release;
  const gate = new Promise((r) => { release = r; });
  const signer = switchable(me);
  const slow = { ...signer, nip44Decrypt: async (p, t) => { await gate; return signer.nip44Decrypt(p, t); } };
  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer: slow }), signer: slow });
  try {
    const loading = store.load();
    while (signer.calls.getPublicKey === undefined || store.phase !== 'opening') await new Promise((r) => setImmediate(r));
    store.clear();
    release();
    await loading;
    assert.equal(store.records.length, 0);
    assert.equal(store.keyCache.size, 0);
  } finally {
    store.close();
  }
});

/** The patient's wrap of `wrap`'s seal again, dated `created_at` (NIP-59 dates a wrap at random, a test needs it known). */
function redated(wrap, patientKey, created_at) {
  const seal = decrypt(wrap.content, getConversationKey(patientKey, wrap.pubkey));
  const one = generateSecretKey();
  return finalizeEvent({ kind: 1059, created_at, tags: [['p', getPublicKey(patientKey)]], content: encrypt(seal, getConversationKey(one, getPublicKey(patientKey))) }, one);
}

test('a flood of newer gift wraps hides no request for good: reads page back, new ones first, and say while older ones were not checked', async () => {
  const patientKey = generateSecretKey();
  const patient = getPublicKey(patientKey);
  const clinician = person();
  const now = nowSeconds();
  const request = async (purpose, at) => {
    const { events, request: sent } = await createAccessRequest({ signer: clinician, patient, resourceTypes: ['Immunization'], purpose });
    await publisher.publishAll([redated(events[0], patientKey, at)]);
    return sent.id;
  };
  const old = await request('Flu shot', now - 1000);
  // Newer junk than a read downloads (its bounds lowered here as a host may, for speed).
  const junk = 45;
  for (let i = 0; i < junk; i++) {
    const one = generateSecretKey();
    await publisher.publishAll([finalizeEvent({ kind: 1059, created_at: now - i, tags: [['p', patient]], content: encrypt('not a seal', getConversationKey(one, patient)) }, one)]);
  }
  const signer = switchable(secretKeySigner(patientKey));
  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer }), signer, mailReadBounds: { maxOpened: 5, maxDownloaded: 20 } });
  try {
    await store.readMail();
    assert.equal(store.unreadMail, 15);
    assert.equal(store.olderMailUnchecked, true, 'the read stopped at its newest 20 wraps');
    let reads = 1;
    let fresh;
    const ids = () => store.messages.map((m) => m.id);
    while (!ids().includes(old) && reads < 40) {
      // Until the request is read, the store says what is left: unread wraps, or older ones not checked.
      assert.ok(store.unreadMail > 0 || store.olderMailUnchecked, `read ${reads} says nothing is left`);
      // A request arriving while the reads page back is read at the next read.
      if (reads === 6) fresh = await request('Tetanus', nowSeconds() + 1);
      await store.readMail({ refresh: true });
      reads++;
      if (reads === 7) assert.ok(ids().includes(fresh), 'the new request was not read first');
    }
    assert.ok(ids().includes(old), `the request under the flood was not read in ${reads} reads`);
    assert.ok(reads > 6, 'the walk back took more than the first reads');
    while (store.unreadMail > 0 || store.olderMailUnchecked) {
      await store.readMail({ refresh: true });
      assert.ok(++reads < 40);
    }
    // Every wrap was opened once. Later reads open none again; a flood of the last two days is
    // walked again (a new wrap may be dated anywhere in them), saying so until it is done.
    assert.equal(signer.calls.nip44Decrypt, 2 * 2 + junk);
    await store.readMail({ refresh: true });
    assert.equal(store.unreadMail, 0);
    while (store.olderMailUnchecked) {
      await store.readMail({ refresh: true });
      assert.ok(++reads < 40);
    }
    assert.equal(signer.calls.nip44Decrypt, 2 * 2 + junk);
    store.clear();
    assert.equal(store.olderMailUnchecked, false);
  } finally {
    store.close();
  }
});

/** A loopback relay address where nothing listens (a relay that is down). */
async function downRelay() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `ws://127.0.0.1:${port}`;
}

/** A clinician's access request to `patientKey`'s owner, wrapped for the patient and dated `at`, published through `to`. */
async function requestAt(to, patientKey, purpose, at) {
  const { events, request } = await createAccessRequest({ signer: person(), patient: getPublicKey(patientKey), resourceTypes: ['Immunization'], purpose });
  const wrap = redated(events[0], patientKey, at);
  await to.publishAll([wrap]);
  return { id: request.id, wrap };
}

/** Junk gift wraps to `patient`, one at each of `times`, published through `to`. */
async function junkAt(to, patient, times) {
  await Promise.all(times.map((at) => {
    const one = generateSecretKey();
    return to.publishAll([finalizeEvent({ kind: 1059, created_at: at, tags: [['p', patient]], content: encrypt('not a seal', getConversationKey(one, patient)) }, one)]);
  }));
}

const DAY = 24 * 60 * 60;

test('a mail read a relay did not answer moves no floor: a request dated days back, found there later, is read', async () => {
  const patientKey = generateSecretKey();
  const signer = switchable(secretKeySigner(patientKey));
  const store = new RecordStore({ client: new RelayClient({ relays: [await downRelay(), relay.url], signer }), signer });
  try {
    await store.readMail();
    assert.equal(store.messages.length, 0);
    assert.equal(store.olderMailUnchecked, true, 'a relay that did not answer was not checked');
    // Wraps may carry any date: one the down relay held, now found on the other.
    const { id } = await requestAt(publisher, patientKey, 'Flu shot', nowSeconds() - 3 * DAY);
    await store.readMail({ refresh: true });
    assert.deepEqual(store.messages.map((m) => m.id), [id]);
    assert.equal(store.olderMailUnchecked, true, 'the down relay is still not checked');
  } finally {
    store.close();
  }
});

test('a mail read refused for want of AUTH moves no floor: once the signer signs in, an old request is read', async () => {
  const restricted = await startRelay({ authReadKinds: [1059] });
  const patientKey = generateSecretKey();
  const sender = new RelayClient({ relays: [restricted.url] });
  const inner = switchable(secretKeySigner(patientKey));
  let refuse = true;
  const signer = {
    ...inner,
    signEvent: async (template) => {
      if (refuse && template.kind === 22242) throw new SignerError('refused', 'The user said no.');
      return inner.signEvent(template);
    },
  };
  const store = new RecordStore({ client: new RelayClient({ relays: [restricted.url], signer }), signer });
  try {
    const { id } = await requestAt(sender, patientKey, 'Flu shot', nowSeconds() - 3 * DAY);
    await store.readMail();
    assert.equal(store.messages.length, 0);
    assert.equal(store.olderMailUnchecked, true, 'a relay still asking for AUTH was not checked');
    refuse = false;
    await store.readMail({ refresh: true });
    assert.deepEqual(store.messages.map((m) => m.id), [id]);
    assert.equal(store.olderMailUnchecked, false);
  } finally {
    store.close();
    sender.close();
    await restricted.close();
  }
});

test('relays paging at different speeds skip nothing: a request on the crowded relay, dated where the other relay\'s page went past, is read', async () => {
  // The crowded relay sends at most 100 events a query; the other reaches far older wraps on its first page.
  const crowded = await startRelay({ maxLimit: 100 });
  const patientKey = generateSecretKey();
  const patient = getPublicKey(patientKey);
  const sender = new RelayClient({ relays: [crowded.url] });
  const now = nowSeconds();
  const signer = switchable(secretKeySigner(patientKey));
  const client = new RelayClient({ relays: [crowded.url, relay.url], signer });
  const store = new RecordStore({ client, signer });
  try {
    await junkAt(sender, patient, Array.from({ length: 110 }, (_, i) => now - i).filter((at) => at !== now - 105));
    const { id, wrap } = await requestAt(sender, patientKey, 'Flu shot', now - 105);
    await junkAt(publisher, patient, Array.from({ length: 5 }, (_, i) => now - 1000 - i));

    const found = await client.wrapsFor(patient);
    assert.equal(found.events.length, 115);
    assert.ok(found.events.some((e) => e.id === wrap.id), 'the walk skipped the crowded relay\'s older page');
    assert.ok(found.reports.every((r) => r.status === 'complete'));

    let reads = 0;
    while (!store.messages.some((m) => m.id === id) && reads < 8) {
      await store.readMail({ refresh: true });
      reads++;
    }
    assert.deepEqual(store.messages.map((m) => m.id), [id]);
  } finally {
    store.close();
    sender.close();
    await crowded.close();
  }
});

test('a walk starts no later than events may be dated: a page of wraps dated too far ahead does not end it', async () => {
  const patient = getPublicKey(generateSecretKey());
  const now = nowSeconds();
  await junkAt(publisher, patient, [...Array.from({ length: 10 }, (_, i) => now + 700 + i), now - 10]);
  const client = new RelayClient({ relays: [relay.url] });
  try {
    const { events, reports } = await client.queryAll({ kinds: [1059], '#p': [patient] }, { pageSize: 10 });
    assert.deepEqual(events.map((e) => e.created_at), [now - 10]);
    assert.equal(reports[0].status, 'complete');
  } finally {
    client.close();
  }
});
