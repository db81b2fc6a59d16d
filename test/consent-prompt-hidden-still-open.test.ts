/**
 * Hiding an item in a new share takes nothing back from where the recipient can open it already:
 * a record they take part in, an earlier share to them not revoked. The preview says so, so the
 * patient does not believe it hidden from them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, itemRow, text, typeRecipient } from './element-helpers.js';

describe('the consent prompt: hidden items the recipient can open elsewhere', function () {
  this.timeout(60000);

  async function preview(patient: Person, records: OpenedRecord[], recipient: string) {
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="share" .records=${records} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open && $$(el, 'li.item').length > 0, 'the items to choose');
    await typeRecipient(el, recipient);
    await el.updateComplete;
    itemRow(el, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
    await el.updateComplete;
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => $(el, '.preview'), 'the preview');
    return el;
  }

  it('warns when the recipient takes part in the record the hidden item comes from, or holds it from an earlier share', async () => {
    const patient = await person();
    const clinic = await person();
    const own = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), patient.signer);
    const el = await preview(patient, [own], clinic.pubkey);
    expect(text($(el, '.still-open'))).to.match(/can still open 1 of the items you hide: it is in something you shared with them before, or in a record they can open\. Hiding it here does not take it back/);

    const mine = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const earlier = await openRecord(await createShare({ from: [mine], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), patient.signer);
    const again = await preview(patient, [mine, earlier], clinic.pubkey);
    expect($(again, '.still-open') !== null, 'a warning for the earlier share').to.equal(true);
  });

  it('says nothing when the recipient cannot open the hidden item anywhere else', async () => {
    const patient = await person();
    const clinic = await person();
    const mine = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const el = await preview(patient, [mine], clinic.pubkey);
    expect($(el, '.still-open') === null, 'no warning').to.equal(true);
    expect(text($(el, '.hidden-count'))).to.equal('1 hidden item is left out.');
  });
});
