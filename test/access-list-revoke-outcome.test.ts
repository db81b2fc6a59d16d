/**
 * Once a revocation is done, the dialog's heading says what happened ("Access revoked for …", not
 * "Revoke access for …?" nor "Revoking access for …"), truthfully when a storage server missed it,
 * and the outcome keeps saying what cannot be taken back: what they already opened, downloaded or
 * copied stays with them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { downRelayUrl, person, relayUrl, sampleBundle } from './helpers.js';
import { shortNpub } from '../components/shared/identity.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

describe('the access list: what the revoke outcome says', function () {
  this.timeout(60000);

  async function revoked(lang = 'en', away = false) {
    const url = await relayUrl('main');
    // A second storage server that is away: the change reaches the first only.
    const relays = away ? `${url} ${await downRelayUrl()}` : url;
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
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang=${lang} .records=${[record]} .signer=${patient.signer} relays=${relays}></nip82-access-list>`);
    await waitUntil(() => $(el, `[part=person][data-pubkey="${clinic.pubkey}"] button.revoke`), 'the clinic listed');
    $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinic.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(el).open, 'the revoke dialog');
    await el.updateComplete;
    await waitUntil(() => buttonByText(el, /^(Revoke access for|Revocar el acceso de) npub1/), 'the dialog in its language');
    buttonByText(el, /^(Revoke access for|Revocar el acceso de) npub1/)!.click();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 30000 });
    await el.updateComplete;
    return { el, who: shortNpub(clinic.pubkey) };
  }

  it('after revoking, still says what revoking could not take back', async () => {
    const { el } = await revoked();
    const said = text(dialogOf(el));
    expect(said, 'the outcome').to.match(/already opened|cannot be taken back|copied/);
  });

  it('after revoking, the dialog\'s heading no longer asks whether to revoke', async () => {
    const { el } = await revoked();
    expect(text($(el, '#dialog-title')), 'the heading over the outcome').not.to.match(/\?$/);
  });

  for (const [lang, said] of [['en', 'Access revoked for '], ['es', 'Acceso revocado para ']] as const) {
    it(`after revoking, the heading says it was revoked (${lang})`, async () => {
      const { el, who } = await revoked(lang);
      expect(text($(el, '#dialog-title'))).to.equal(`${said}${who}`);
    });
  }

  for (const [lang, said] of [
    ['en', (who: string) => `Access revoked for ${who}, but not on every storage server yet`],
    ['es', (who: string) => `Acceso revocado para ${who}, pero aún no en todos los servidores de almacenamiento`],
  ] as const) {
    it(`after revoking on one storage server of two, the heading says it is not everywhere yet (${lang})`, async () => {
      const { el, who } = await revoked(lang, true);
      expect(text($(el, '#dialog-title'))).to.equal(said(who));
    });
  }
});
