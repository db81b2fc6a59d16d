// NIP-42 AUTH at relays that close reads and refuse events with the standard `auth-required:`
// reason (built dist/core): the user's own time at the signer, one prompt per relay and read, a
// refusal said as one, and a freshness check that does not pass over a relay it could not read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket, { WebSocketServer } from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import { startRelay } from '../../scripts/relay.mjs';
import {
  RelayClient, RecordStore, RecordError, SignerError, assertNewest, createAccessRequest, createRecord, revokeAccess,
  secretKeySigner,
} from '../../dist/core/index.js';
import { mailUnchecked, recordsStringsEn } from '../../dist/shared/records.strings.js';

useWebSocketImplementation(WebSocket);

/** The reads' and sends' deadline in these tests; the user takes twice as long at their signer. */
const DEADLINE_MS = 300;

let first;
let second;
before(async () => {
  [first, second] = await Promise.all([startRelay({ authRequired: true }), startRelay({ authRequired: true })]);
});
after(async () => {
  await Promise.all([first.close(), second.close()]);
});

/** A record's smallest Bundle: the patient, named by their key. */
const patientBundle = (pubkey) => ({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(pubkey)}` }] } }] });

/** Makes relay clients and keeps them, for the test to close at its end. */
function clientMaker() {
  const clients = [];
  const client = (relays, signer) => {
    const made = new RelayClient({ relays, signer });
    clients.push(made);
    return made;
  };
  return { client, clients };
}

/**
 * The user at their signer: every AUTH prompt is noted (by the relay it names) and answered by
 * `answer(relay)`, which may take its time or throw (a refusal); everything else is signed at once.
 */
function userAt(key, answer) {
  const inner = secretKeySigner(key);
  const asked = [];
  return {
    asked,
    /** How many AUTH prompts named `relay`. */
    askedFor: (relay) => asked.filter((url) => sameRelay(url, relay)).length,
    signer: {
      getPublicKey: () => inner.getPublicKey(),
      nip44Encrypt: (peer, text) => inner.nip44Encrypt(peer, text),
      nip44Decrypt: (peer, text) => inner.nip44Decrypt(peer, text),
      async signEvent(template) {
        if (template.kind === 22242) {
          const relay = template.tags.find((t) => t[0] === 'relay')?.[1] ?? '';
          asked.push(relay);
          await answer(relay);
        }
        return inner.signEvent(template);
      },
    },
  };
}

const sameRelay = (a, b) => a.replace(/\/$/, '') === b.replace(/\/$/, '');
/** A person slow to approve: twice the deadline (test input, not a wait for a condition). */
const slowly = () => new Promise((resolve) => setTimeout(resolve, 2 * DEADLINE_MS));
const refusing = (at) => (relay) => {
  if (sameRelay(relay, at)) throw new SignerError('refused', 'The user said no.');
};
const note = (key, content) => finalizeEvent({ kind: 1, created_at: Math.floor(Date.now() / 1000), tags: [], content }, key);

/** An access request to `patient`, sent through a clinic signed in at both relays. */
async function requestTo(patient) {
  const clinic = secretKeySigner(generateSecretKey());
  const sender = new RelayClient({ relays: [first.url, second.url], signer: clinic });
  try {
    const { events, request } = await createAccessRequest({ signer: clinic, patient, resourceTypes: ['Immunization'], purpose: 'Flu shot' });
    const receipts = await sender.publishAll(events);
    assert.ok(receipts.every((r) => r.status === 'accepted'), 'the clinic reached both relays');
    return request.id;
  } finally {
    sender.close();
  }
}

test('a request is read from relays that want AUTH, though the user takes longer to approve than the read\'s deadline', async () => {
  const key = generateSecretKey();
  const id = await requestTo(getPublicKey(key));
  const user = userAt(key, slowly);
  const store = new RecordStore({ client: new RelayClient({ relays: [first.url, second.url], signer: user.signer, queryTimeoutMs: DEADLINE_MS }), signer: user.signer });
  try {
    await store.readMail();
    assert.deepEqual(store.messages.map((m) => m.id), [id]);
    assert.equal(store.olderMailUnchecked, false);
    assert.deepEqual(store.mailReports.map((r) => r.status), ['complete', 'complete']);
    assert.deepEqual([user.askedFor(first.url), user.askedFor(second.url)], [1, 1], 'one prompt per relay');
  } finally {
    store.close();
  }
});

test('AUTH refused at one relay: that relay reports auth-required, the other is read, and the next read asks once more', async () => {
  const key = generateSecretKey();
  const id = await requestTo(getPublicKey(key));
  const user = userAt(key, refusing(second.url));
  const client = new RelayClient({ relays: [first.url, second.url], signer: user.signer, queryTimeoutMs: DEADLINE_MS });
  const store = new RecordStore({ client, signer: user.signer });
  try {
    await store.readMail();
    assert.deepEqual(store.messages.map((m) => m.id), [id]);
    assert.deepEqual(store.mailReports.map((r) => [r.relay, r.status]), [[first.url, 'complete'], [second.url, 'auth-required']]);
    assert.equal(store.olderMailUnchecked, true, 'what the refused relay holds was not checked');
    assert.equal(store.mailReports[1].signIn, 'declined');
    assert.ok(mailUnchecked(store, recordsStringsEn).includes(`${second.url} asked you to sign in, and you did not.`));
    assert.deepEqual([user.askedFor(first.url), user.askedFor(second.url)], [1, 1]);
    await store.readMail({ refresh: true });
    assert.equal(store.mailReports[1].status, 'auth-required');
    assert.deepEqual([user.askedFor(first.url), user.askedFor(second.url)], [1, 2], 'the refused relay asks once more; the other stays signed in');
  } finally {
    store.close();
  }
});

test('publishing: the user\'s time at the signer is theirs; a refused AUTH is a receipt that says so, asked once per action', async () => {
  const key = generateSecretKey();
  const author = generateSecretKey();
  const slow = userAt(key, slowly);
  const patient = new RelayClient({ relays: [first.url, second.url], signer: slow.signer, publishTimeoutMs: DEADLINE_MS });
  try {
    const receipts = await patient.publish(note(author, 'approved slowly'));
    assert.deepEqual(receipts.map((r) => r.status), ['accepted', 'accepted']);
  } finally {
    patient.close();
  }
  const user = userAt(key, refusing(second.url));
  const client = new RelayClient({ relays: [first.url, second.url], signer: user.signer, publishTimeoutMs: DEADLINE_MS });
  try {
    const events = [note(author, 'one'), note(author, 'two'), note(author, 'three')];
    const receipts = await client.publishAll(events);
    assert.deepEqual(receipts.map((r) => r.status), ['accepted', 'auth-required', 'accepted', 'auth-required', 'accepted', 'auth-required']);
    assert.deepEqual([user.askedFor(first.url), user.askedFor(second.url)], [1, 1], 'one refusal holds for the rest of the action');
    assert.ok(receipts.filter((r) => r.status === 'auth-required').every((r) => r.signIn === 'declined'));
    // One action that sends its events one publishAll each (as the consent prompt does), in one scope.
    const declined = client.declineScope();
    for (const event of [note(author, 'four'), note(author, 'five'), note(author, 'six')]) {
      const [, there] = await client.publishAll([event], { declined });
      assert.equal(there.status, 'auth-required');
    }
    assert.equal(user.askedFor(second.url), 2, 'asked once in that action');
    // The next action asks again: the person may have changed their mind.
    await client.publishAll([note(author, 'seven')]);
    assert.equal(user.askedFor(second.url), 3);
  } finally {
    client.close();
  }
});

test('one load asks once at a relay the user declines, though it reads records and then their deletions; the next action asks again', async () => {
  const open = await startRelay({});
  // Reads of records, deletions and gift wraps need AUTH there.
  const guarded = await startRelay({ authReadKinds: [32225, 5, 1059] });
  const key = generateSecretKey();
  const patient = getPublicKey(key);
  const user = userAt(key, refusing(guarded.url));
  const client = new RelayClient({ relays: [open.url, guarded.url], signer: user.signer, queryTimeoutMs: DEADLINE_MS });
  const store = new RecordStore({ client, signer: user.signer });
  try {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(patient)}` }] } }] };
    const events = await createRecord({ bundle, author: secretKeySigner(generateSecretKey()), participants: [{ pubkey: patient, role: 'editor' }] });
    const sender = new RelayClient({ relays: [open.url] });
    await sender.publishAll(events);
    sender.close();
    await store.load();
    assert.equal(store.held.length, 1, 'the record, from the relay that answered');
    assert.equal(user.askedFor(guarded.url), 1, 'one prompt for the records and their deletions');
    assert.equal(store.reports[1].status, 'auth-required');
    // "Show consent history": records and mail read together, one click, one prompt more.
    const declined = client.declineScope();
    await Promise.all([store.load({ refresh: true, declined }), store.readMail({ declined })]);
    assert.equal(user.askedFor(guarded.url), 2);
    assert.equal(user.askedFor(open.url), 0, 'the open relay never asks');
  } finally {
    store.close();
    await Promise.all([open.close(), guarded.close()]);
  }
});

/** A broken relay: it says `auth-required:` to every read and send and never sends the AUTH challenge. */
async function challengeless() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => socket.on('message', (data) => {
    const [type, second] = JSON.parse(String(data));
    if (type === 'REQ') socket.send(JSON.stringify(['CLOSED', second, 'auth-required: sign in first']));
    if (type === 'EVENT') socket.send(JSON.stringify(['OK', second.id, false, 'auth-required: sign in first']));
  }));
  return {
    url: `ws://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      for (const socket of server.clients) socket.terminate();
      server.close(resolve);
    }),
  };
}

test('a sign-in that failed on the relay\'s side is not said as the user\'s refusal: they were never asked', async () => {
  const broken = await challengeless();
  const key = generateSecretKey();
  const id = await requestTo(getPublicKey(key));
  const user = userAt(key, () => undefined);
  const store = new RecordStore({ client: new RelayClient({ relays: [first.url, broken.url], signer: user.signer, queryTimeoutMs: DEADLINE_MS, publishTimeoutMs: DEADLINE_MS }), signer: user.signer });
  try {
    await store.readMail();
    assert.deepEqual(store.messages.map((m) => m.id), [id]);
    assert.deepEqual(store.mailReports.map((r) => [r.status, r.signIn]), [['complete', undefined], ['auth-required', 'failed']]);
    assert.equal(user.askedFor(broken.url), 0);
    assert.equal(mailUnchecked(store, recordsStringsEn), `Some messages were not checked yet: ${broken.url} asked for a sign-in that did not complete. Check again to try again.`);
    const [, there] = await store.client.publish(note(generateSecretKey(), 'hello'));
    assert.deepEqual([there.status, there.signIn], ['auth-required', 'failed']);
  } finally {
    store.close();
    await broken.close();
  }
});

test('the newest-version check fails, naming the server, when a relay it must read was not signed in to', async () => {
  const open = await startRelay({});
  // Reads of records and deletions need AUTH there; events are taken from anyone.
  const guarded = await startRelay({ authReadKinds: [32225, 5] });
  const { client, clients } = clientMaker();
  try {
    const hospitalKey = generateSecretKey();
    const key = generateSecretKey();
    const patient = getPublicKey(key);
    const me = secretKeySigner(key);
    const bundle = patientBundle(patient);
    const events = await createRecord({ bundle, author: secretKeySigner(hospitalKey), participants: [{ pubkey: patient, role: 'editor' }] });
    await client([open.url, guarded.url]).publishAll(events);
    const store = new RecordStore({ client: client([open.url], me), signer: me });
    await store.load();
    const record = store.held[0];
    // Another device already removed the hospital: that change reached only the guarded relay.
    const moved = await revokeAccess(record, getPublicKey(hospitalKey), { relays: [guarded.url] });
    await client([guarded.url]).publishAll(moved.events);

    const user = userAt(key, refusing(guarded.url));
    const both = client([open.url, guarded.url], user.signer);
    await assert.rejects(assertNewest(both, record), (error) => {
      assert.ok(error instanceof RecordError);
      assert.equal(error.code, 'unchecked');
      assert.ok(error.message.includes(guarded.url), error.message);
      assert.ok(!error.message.includes(open.url), 'the server that answered is not named');
      return true;
    });
    assert.equal(user.askedFor(guarded.url), 1);
    // Signed in, the check reads the newer version and says so.
    await assert.rejects(assertNewest(client([open.url, guarded.url], me), record), (error) => error.code === 'stale');
  } finally {
    for (const c of clients) c.close();
    await Promise.all([open.close(), guarded.close()]);
  }
});

test('the newest-version check passes over a relay that refuses every read for good (write-only): trying again would never help', async () => {
  const open = await startRelay({});
  const writeOnly = await startRelay({ writeOnly: true });
  const { client, clients } = clientMaker();
  try {
    const key = generateSecretKey();
    const patient = getPublicKey(key);
    const me = secretKeySigner(key);
    const bundle = patientBundle(patient);
    const events = await createRecord({ bundle, author: me, participants: [] });
    const both = client([open.url, writeOnly.url], me);
    const receipts = await both.publishAll(events);
    assert.ok(receipts.every((r) => r.status === 'accepted'), 'the write-only relay takes the record');
    const store = new RecordStore({ client: client([open.url], me), signer: me });
    await store.load();
    // Read from the open relay; the write-only one closes the read, and the check goes on without it.
    await assertNewest(both, store.held[0]);
  } finally {
    for (const c of clients) c.close();
    await Promise.all([open.close(), writeOnly.close()]);
  }
});

test('a signer out of reach is a sign-in that did not complete, not the user saying no', async () => {
  const key = generateSecretKey();
  await requestTo(getPublicKey(key));
  const user = userAt(key, () => {
    throw new SignerError('connection', 'The remote signer could not be reached.');
  });
  const store = new RecordStore({ client: new RelayClient({ relays: [first.url], signer: user.signer, queryTimeoutMs: DEADLINE_MS }), signer: user.signer });
  try {
    await store.readMail();
    assert.deepEqual(store.mailReports.map((r) => [r.status, r.signIn]), [['auth-required', 'failed']]);
    assert.ok(mailUnchecked(store, recordsStringsEn).includes('asked for a sign-in that did not complete'));
  } finally {
    store.close();
  }
});
