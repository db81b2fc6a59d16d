/**
 * When the page's server cannot give the relay client's sending code (relay/publish.ts) or the
 * store's mail read (store/mail-read.ts), the fetch fails for real here
 * (scripts/wtr-lost-module-plugin.mjs): a publish and a mail read reject with a
 * PartUnavailableError, which the elements word calmly, and nothing is sent.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { PartUnavailableError } from '../../components/core/errors.js';
import { RelayClient } from '../../components/core/relay/client.js';
import { RecordStore } from '../../components/core/store/record-store.js';
import { person, rejects, relayUrl } from '../helpers.js';

describe('the relay client\'s sends and the store\'s mail read, when their code is lost', () => {
  before(async () => {
    await executeServerCommand('lose-module', { path: '/components/core/relay/publish' });
    await executeServerCommand('lose-module', { path: '/components/core/store/mail-read' });
  });

  it('a publish rejects with PartUnavailableError and sends nothing', async () => {
    const relay = await relayUrl('main');
    const me = await person();
    const client = new RelayClient({ relays: [relay], signer: me.signer });
    try {
      const event = await me.signer.signEvent({ kind: 1, created_at: Math.floor(Date.now() / 1000), tags: [], content: 'never sent' });
      await rejects(client.publish(event), PartUnavailableError);
      await rejects(client.publishAll([event]), PartUnavailableError);
      expect((await client.query({ ids: [event.id] })).events).to.have.length(0);
      expect((await executeServerCommand<string[], undefined>('lost-module-requests'))!.length).to.be.greaterThan(0);
    } finally {
      client.close();
    }
  });

  it('a mail read rejects with PartUnavailableError, reads nothing, and is tried again at the next read', async () => {
    const relay = await relayUrl('main');
    const me = await person();
    const client = new RelayClient({ relays: [relay], signer: me.signer });
    const store = new RecordStore({ client, signer: me.signer });
    try {
      await rejects(store.readMail(), PartUnavailableError);
      expect(store.mailLoaded).to.equal(false);
      const before = (await executeServerCommand<string[], undefined>('lost-module-requests'))!.filter((u) => u.includes('mail-read')).length;
      await rejects(store.readMail(), PartUnavailableError);
      const after = (await executeServerCommand<string[], undefined>('lost-module-requests'))!.filter((u) => u.includes('mail-read')).length;
      expect(after).to.be.greaterThan(before);
    } finally {
      store.close();
    }
  });
});
