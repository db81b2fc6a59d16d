/**
 * A page takes the access list (with its own signer and storage servers) off the page while the
 * signer opens the user's records, and puts it back (a tab or route switch). The list is not left
 * "Waiting for your signer…" with both of its buttons busy for good: they work again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle, heldDecrypt } from './helpers.js';
import { $, buttonByText, text } from './element-helpers.js';

const busy = (el: Nip82AccessList) => el.status === 'waiting-signer' || el.status === 'working';

describe('the access list taken off the page during a read, and put back', function () {
  this.timeout(60000);

  for (const button of ['Unlock my records', 'Show consent history']) {
    it(`"${button}" pressed, then off the page and back: both buttons work again`, async () => {
      const relay = await relayUrl('main');
      const client = new RelayClient({ relays: [relay] });
      const patient = await person();
      try {
        await client.publishAll(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }));
      } finally {
        client.close();
      }
      const held = heldDecrypt(patient.signer);
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list relays=${relay} .signer=${held.signer}></nip82-access-list>`);
      const parent = el.parentElement!;
      buttonByText(el, button)!.click();
      await waitUntil(held.asked, 'the signer is asked');
      el.remove();
      held.release();
      await waitUntil(() => !busy(el), 'no longer waiting');
      parent.append(el);
      await el.updateComplete;
      expect(text($(el, '[role=status]'))).not.to.contain('Waiting for your signer');
      const show = buttonByText(el, 'Unlock my records')!;
      expect(show.getAttribute('aria-disabled')).to.equal('false');
      expect(buttonByText(el, 'Show consent history')!.getAttribute('aria-disabled')).to.equal('false');
      show.click();
      await waitUntil(() => el.status === 'done' && /record/i.test(text($(el, '[role=status]'))), 'the records are read', { timeout: 30000 });
    });
  }
});
