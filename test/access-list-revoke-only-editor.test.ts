/**
 * Revoking the only other person on a record, who could edit it: the record moves to a new address,
 * and no one else is on it to be told where. The dialog and its outcome do not say "the others are
 * told" when there is no one to tell; with someone else on it, they still do.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type Participant } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-access-list>: revoking the only editor', function () {
  this.timeout(60000);

  async function revokeEditor(others: number) {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const [patient, editor, ...rest] = await Promise.all(Array.from({ length: 2 + others }, () => person()));
    const participants: Participant[] = [{ pubkey: editor!.pubkey, role: 'editor' }, ...rest.map((p): Participant => ({ pubkey: p.pubkey, role: 'viewer' }))];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient!.pubkey)}`), author: patient!.signer, participants });
    await client.publishAll(events);
    client.close();
    const record = await openRecord(events, patient!.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${patient!.signer} relays=${url}></nip82-access-list>`);
    const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${editor!.pubkey}"] button.revoke`);
    await waitUntil(revoke, 'the editor is listed');
    revoke()!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    await el.updateComplete;
    const asked = text(dialogOf(el));
    buttonByText(el, `Revoke access for ${shortNpub(editor!.pubkey)}`)!.click();
    await waitUntil(() => /Access revoked/.test(text($(el, '#result-title'))), 'the outcome is said');
    return { asked, said: text($(el, '#result-title')) };
  }

  it('with no one else on the record, tells of no one told', async () => {
    const { asked, said } = await revokeEditor(0);
    expect(asked).to.contain('the record moves to a new address and the old one is deleted.');
    expect(asked).not.to.contain('the others on the record are told');
    expect(said).to.contain('The record moved to a new address.');
    expect(said).not.to.contain('the others were told');
  });

  it('with someone else on it, says they were told', async () => {
    const { asked, said } = await revokeEditor(1);
    expect(asked).to.contain('the others on the record are told where it went');
    expect(said).to.contain('The record moved to a new address; the others were told.');
  });
});
