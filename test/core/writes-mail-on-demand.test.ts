/**
 * What only writing and mail reading need is fetched with the first publish (relay/publish.ts)
 * and the first mail read (store/mail-read.ts): held here on its way for real
 * (scripts/wtr-lost-module-plugin.mjs, 'hold-module'), a sign-out meanwhile sends and reads
 * nothing of the last user's, and once it arrives a publish and a mail read work as ever.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RelayClient } from '../../components/core/relay/client.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { person, receivedRequest, relayRequests, relayUrl } from '../helpers.js';
import { waitUntil } from '../wait.js';

const PUBLISH_MODULE = '/components/core/relay/publish';
const MAIL_MODULE = '/components/core/store/mail-read';

const held = async (path: string) => ((await executeServerCommand<string[], undefined>('held-module-requests')) ?? []).some((url) => new URL(url).pathname.startsWith(path));

describe('the relay client\'s sends and the store\'s mail read, fetched on demand', () => {
  it('a publish whose code is on its way when the user signs out sends nothing', async () => {
    await executeServerCommand('hold-module', { path: PUBLISH_MODULE });
    const relay = await relayUrl('main');
    const me = await person();
    const client = new RelayClient({ relays: [relay], signer: me.signer });
    try {
      const event = await me.signer.signEvent({ kind: 1, created_at: Math.floor(Date.now() / 1000), tags: [], content: 'sent before the sign-out' });
      const sending = client.publish(event);
      await waitUntil(() => held(PUBLISH_MODULE), 'the sending code was never asked for');
      client.forgetSignIns();
      await executeServerCommand('release-module', { path: PUBLISH_MODULE });
      const receipts = await sending;
      expect(receipts.map((r) => [r.status, r.reason])).to.deep.equal([['unreachable', 'Another user is signed in now.']]);
      expect((await client.query({ ids: [event.id] })).events, 'the relay never received it').to.have.length(0);
      // Here now: the next publish is sent.
      const next = await me.signer.signEvent({ kind: 1, created_at: Math.floor(Date.now() / 1000), tags: [], content: 'sent after' });
      expect((await client.publish(next)).map((r) => r.status)).to.deep.equal(['accepted']);
      expect((await client.query({ ids: [next.id] })).events).to.have.length(1);
    } finally {
      client.close();
    }
  });

  it('a mail read whose code is on its way when the store is cleared reads nothing; the next one reads the mail', async () => {
    await executeServerCommand('hold-module', { path: MAIL_MODULE });
    const relay = await relayUrl('main');
    const patient = await person();
    const clinician = await person();
    const sender = new RelayClient({ relays: [relay], signer: clinician.signer });
    const client = new RelayClient({ relays: [relay], signer: patient.signer });
    const store = new RecordStore({ client, signer: patient.signer });
    try {
      await receivedRequest(sender, patient, clinician);
      const wrapReads = async () => (await relayRequests('main', patient.pubkey)).flat().filter((f) => JSON.stringify(f.kinds) === '[1059]').length;
      const readsBefore = await wrapReads();
      const reading = store.readMail();
      await waitUntil(() => held(MAIL_MODULE), 'the mail read\'s code was never asked for');
      store.clear();
      await executeServerCommand('release-module', { path: MAIL_MODULE });
      await reading;
      expect(store.mailLoaded).to.equal(false);
      expect(store.messages).to.have.length(0);
      expect(await wrapReads(), 'no gift wrap was asked for').to.equal(readsBefore);
      await store.readMail();
      expect(store.mailLoaded).to.equal(true);
      expect(store.messages.map((m) => m.from)).to.deep.equal([clinician.pubkey]);
    } finally {
      store.close();
      sender.close();
    }
  });
});
