/**
 * A Download pressed while its part (record-extras.ts) is on its way, then a sign-out: once the part
 * arrives nothing of the last user is downloaded. The part is held by the page's server
 * (scripts/wtr-lost-module-plugin.mjs, 'hold-module') until the sign-out is done.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { catchDownloads, EXTRAS_MODULE, extrasFetched } from './record-extras-helpers.js';

const held = async () => (await executeServerCommand<string[], undefined>('held-module-requests'))!;

describe('<nip82-record-viewer> a sign-out while Download waits for its part', () => {
  it('downloads nothing once the part arrives', async () => {
    await executeServerCommand('hold-module', { path: EXTRAS_MODULE });
    const relay = await relayUrl('main');
    const [reader, patient] = [await person(), await person()];
    const client = new RelayClient({ relays: [relay] });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: reader.pubkey, role: 'viewer' }] }));
    } finally {
      client.close();
    }
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${relay} .signer=${reader.signer}></nip82-record-viewer>`);
    await el.updateComplete;
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done' && $(el, 'button.export'), 'never unlocked', { timeout: 15000 });
    expect(extrasFetched()).to.equal(false);
    const { downloads, restore } = catchDownloads();
    try {
      $<HTMLButtonElement>(el, 'button.export')!.click();
      await waitUntil(async () => (await held()).length > 0, 'the part was never asked for');
      el.signer = undefined;
      await waitUntil(() => !text(el.shadowRoot).includes('Penicillin'), 'the record stayed after the sign-out');
      await executeServerCommand('release-module', { path: EXTRAS_MODULE });
      // updateComplete waits for the part on its way: by then its download would have started.
      await el.updateComplete;
      expect(extrasFetched(), 'the part arrived').to.equal(true);
      expect(downloads).to.deep.equal([]);
      expect($(el, '.lost-part')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('a record still shown downloads once the part arrived (the same page, for comparison)', async () => {
    const { downloads, restore } = catchDownloads();
    try {
      const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${sampleBundle()}></nip82-record-viewer>`);
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button.export')!.click();
      expect(downloads).to.have.length(1);
    } finally {
      restore();
    }
  });
});
