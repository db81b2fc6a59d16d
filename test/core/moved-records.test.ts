import { expect } from '@open-wc/testing';
import { finalizeEvent, getPublicKey } from 'nostr-tools/pure';
import { hexToBytes } from '@noble/hashes/utils.js';
import { naddrEncode } from 'nostr-tools/nip19';
import { createRecord, openRecord, revokeAccess, type OpenedRecord } from '../../components/core/nip82/record.js';
import { movedNotices } from '../../components/core/nip82/notices.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { assertNewest } from '../../components/core/relay/newest.js';
import { openMovedRecord } from '../../components/core/relay/moved.js';
import { RecordError } from '../../components/core/errors.js';
import { nowSeconds, type NostrEvent } from '../../components/core/events.js';
import { person, rejects, relayUrl, sampleBundle } from '../helpers.js';

/** The sign key an editor reads out of their key tag (what a removed editor keeps). */
async function signKeyOf(event: NostrEvent, editor: Awaited<ReturnType<typeof person>>): Promise<Uint8Array> {
  const tag = event.tags.find((t) => t[0] === 'key' && t[1] === editor.pubkey)!;
  return hexToBytes((await editor.signer.nip44Decrypt(event.pubkey, tag[2]!)).trim());
}

describe('a record that moved stays moved', () => {
  let client: RelayClient;
  before(async () => {
    client = new RelayClient({ relays: [await relayUrl('main')] });
  });
  after(() => client.close());

  it('a removed editor\'s newer version of the old address is refused, and the owner\'s notice leads to the new one', async () => {
    const owner = await person();
    const removed = await person();
    const viewer = await person();
    const events = await createRecord({ bundle: sampleBundle(), author: owner.signer, participants: [{ pubkey: removed.pubkey, role: 'editor' }, { pubkey: viewer.pubkey, role: 'viewer' }] });
    await client.publishAll(events);
    const opened = await openRecord(events, owner.signer);
    const change = await revokeAccess(opened, removed.pubkey, { notify: owner.signer, relays: client.relays });
    await client.publishAll(change.events);

    // The removed editor still holds the old sign key and publishes a newer version of the old address.
    const oldKey = await signKeyOf(events[0]!, removed);
    expect(getPublicKey(oldKey)).to.equal(opened.signPubkey);
    const { id: _id, sig: _sig, pubkey: _pk, ...template } = events[0]!;
    const revived = finalizeEvent({ ...template, created_at: nowSeconds() + 5 }, oldKey) as NostrEvent;
    await client.publish(revived);

    const oldNaddr = naddrEncode({ kind: 32225, pubkey: opened.signPubkey, identifier: opened.identifiers[0]! });
    const { events: found } = await client.recordByNaddr(oldNaddr);
    expect(found.some((e) => e.kind === 5)).to.equal(true);
    await rejects(openRecord([...found, revived], viewer.signer), RecordError, 'deleted');

    const followed = await openMovedRecord(client, viewer.signer, opened.signPubkey);
    expect(followed?.signPubkey).to.equal(change.record.signPubkey);
    expect(followed?.movedFrom).to.include(opened.signPubkey);
    expect(followed?.authorVerified).to.equal(true);
  });

  it('a moved notice from someone else, to a record that does not prove the move, leads nowhere', async () => {
    const owner = await person();
    const stranger = await person();
    const viewer = await person();
    const real = await createRecord({ bundle: sampleBundle(), author: owner.signer, participants: [{ pubkey: viewer.pubkey, role: 'viewer' }] });
    const theirs = await createRecord({ bundle: sampleBundle(), author: stranger.signer, participants: [{ pubkey: viewer.pubkey, role: 'viewer' }] });
    await client.publishAll(theirs);
    const from = await openRecord(real, owner.signer);
    const to = await openRecord(theirs, stranger.signer);
    await client.publishAll(await movedNotices(stranger.signer, from, to, [{ pubkey: viewer.pubkey, role: 'viewer' }], client.relays));
    expect(await openMovedRecord(client, viewer.signer, from.signPubkey)).to.equal(undefined);
  });

  it('refuses an access change unless the version in hand is the newest any relay holds', async () => {
    const owner = await person();
    const revoked = await person();
    const both = new RelayClient({ relays: [await relayUrl('main'), await relayUrl('second')] });
    const onlySecond = new RelayClient({ relays: [await relayUrl('second')] });
    try {
      const events = await createRecord({ bundle: sampleBundle(), author: owner.signer, participants: [{ pubkey: revoked.pubkey, role: 'viewer' }] });
      await both.publishAll(events);
      const before: OpenedRecord = await openRecord(events, owner.signer);
      await assertNewest(both, before);
      const change = await revokeAccess(before, revoked.pubkey);
      await onlySecond.publishAll(change.events);
      // A later session read the old version from the stale relay: the change must not go ahead.
      const stale = await openRecord(events, owner.signer);
      await rejects(assertNewest(both, stale), RecordError, 'stale');
      await assertNewest(both, change.record);
    } finally {
      both.close();
      onlySecond.close();
    }
  });
});
