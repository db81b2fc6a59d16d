// Following a record that moved, in plain Node (built dist/core) against a real relay: a chain of
// moved notices, however long, costs the reader's signer one read of their mail, not one per hop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode } from 'nostr-tools/nip19';
import { startRelay } from '../../scripts/relay.mjs';
import {
  RelayClient, RecordStore, createRecord, openRecord, revokeAccess, secretKeySigner, giftWrap, makeRumor, CHAT_MESSAGE_KIND, RECORD_KIND,
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

/** A signer that counts its decrypts. */
function counting(signer) {
  const counted = { decrypts: 0 };
  return Object.assign(counted, {
    getPublicKey: () => signer.getPublicKey(),
    signEvent: (t) => signer.signEvent(t),
    nip44Encrypt: (p, t) => signer.nip44Encrypt(p, t),
    nip44Decrypt: (p, t) => {
      counted.decrypts++;
      return signer.nip44Decrypt(p, t);
    },
  });
}

const bundle = (patient) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: { resourceType: 'Patient', identifier: [{ system: 'urn:ietf:rfc:3986', value: `nostr:${npubEncode(patient)}` }] } }],
});

/** A "this record moved" notice from anyone, as `readMovedNotice` reads it. */
async function notice(sender, recipient, from, to) {
  const tags = [['p', recipient], ['a', `${RECORD_KIND}:${to}:x`, '', 'moved-to'], ['a', `${RECORD_KIND}:${from}:x`, '', 'moved-from']];
  return giftWrap(sender, makeRumor({ kind: CHAT_MESSAGE_KIND, tags, content: 'moved' }, await sender.getPublicKey()), [recipient]);
}

test('a chain of notices to records that were each moved on is followed with one read of the mail', async () => {
  const stranger = secretKeySigner(generateSecretKey());
  const readerKey = generateSecretKey();
  const reader = counting(secretKeySigner(readerKey));
  const me = getPublicKey(readerKey);
  const editors = [0, 1, 2].map(() => getPublicKey(generateSecretKey()));
  // The stranger's own record, moved three times (each removal of an editor ends its address).
  let record = await openRecord(await createRecord({ bundle: bundle(me), author: stranger, participants: [{ pubkey: me, role: 'viewer' }, ...editors.map((pubkey) => ({ pubkey, role: 'editor' }))] }).then(async (events) => {
    await publisher.publishAll(events);
    return events;
  }), stranger);
  const addresses = [record.signPubkey];
  for (const editor of editors) {
    const change = await revokeAccess(record, editor);
    await publisher.publishAll(change.events);
    record = change.record;
    addresses.push(record.signPubkey);
  }
  // Notices leading from an address the reader asks about down the chain of ended ones.
  const asked = getPublicKey(generateSecretKey());
  const chain = [asked, ...addresses.slice(0, 3)];
  const wraps = [];
  for (let i = 0; i + 1 < chain.length; i++) wraps.push(...(await notice(stranger, me, chain[i], chain[i + 1])));
  await publisher.publishAll(wraps);

  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer: reader }), signer: reader });
  try {
    assert.equal(await store.followMove(asked), undefined, 'no notice leads to a record that proves the move');
    // Three wraps, each a wrap and a seal to open: 6 decrypts, once (it was 6 for every hop, 18 in all).
    assert.equal(reader.decrypts, 2 * wraps.length);
  } finally {
    store.close();
  }
});

test('a record moved twice is found from its first address, on a relay that dropped what the deletions covered', async () => {
  const owner = secretKeySigner(generateSecretKey());
  const readerKey = generateSecretKey();
  const reader = secretKeySigner(readerKey);
  const me = getPublicKey(readerKey);
  const editors = [0, 1].map(() => getPublicKey(generateSecretKey()));
  const events = await createRecord({ bundle: bundle(me), author: owner, participants: [{ pubkey: me, role: 'viewer' }, ...editors.map((pubkey) => ({ pubkey, role: 'editor' }))] });
  await publisher.publishAll(events);
  let record = await openRecord(events, owner);
  const first = record.signPubkey;
  for (const editor of editors) {
    const change = await revokeAccess(record, editor, { notify: owner, relays: [relay.url] });
    await publisher.publishAll(change.events);
    record = change.record;
  }
  const store = new RecordStore({ client: new RelayClient({ relays: [relay.url], signer: reader }), signer: reader });
  try {
    const found = await store.followMove(first);
    assert.equal(found?.signPubkey, record.signPubkey, 'the record at its newest address');
  } finally {
    store.close();
  }
});
