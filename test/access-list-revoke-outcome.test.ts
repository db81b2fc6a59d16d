/**
 * Once a revocation is done, the dialog's heading no longer asks ("Revoking access for …", not
 * "Revoke access for …?"), and the outcome keeps saying what cannot be taken back: what they
 * already opened, downloaded or copied stays with them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the access list: what the revoke outcome says', function () {
  this.timeout(60000);

  async function revoked() {
    const url = await relayUrl('main');
    const [patient, clinic] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
    const client = new RelayClient({ relays: [url] });
    let record;
    try {
      await client.publishAll(events);
      record = await openRecord((await client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
    } finally {
      client.close();
    }
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    await waitUntil(() => $(el, `[part=person][data-pubkey="${clinic.pubkey}"] button.revoke`), 'the clinic listed');
    $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinic.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the revoke dialog');
    await el.updateComplete;
    expect(text(dialogOf(el)), 'before: the truth is told').to.contain('cannot be taken back');
    buttonByText(el, /^Revoke access for npub1/)!.click();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 30000 });
    await el.updateComplete;
    return el;
  }

  it('after revoking, still says what revoking could not take back', async () => {
    const el = await revoked();
    const said = text(dialogOf(el));
    expect(said, 'the outcome').to.match(/already opened|cannot be taken back|copied/);
  });

  it('after revoking, the dialog\'s heading no longer asks whether to revoke', async () => {
    const el = await revoked();
    expect(text($(el, '#dialog-title')), 'the heading over the outcome').not.to.match(/\?$/);
  });
});
