/**
 * "Unlock my records" tells the patient what their signer was asked to open: their records and the
 * copies of what they shared, each once. Before, two shares and one record asked the signer three
 * times and the page said "1 record loaded", having promised "once per record".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { counting, heldDecrypt, relayUrl } from './helpers.js';
import { recordSharedTwice } from './record-shared-twice.js';
import { $, buttonByText, text } from './element-helpers.js';

describe('the access list: unlocking says what the signer was asked to open', function () {
  this.timeout(90000);

  before(() => import('../components/access-list/define.js'));

  it('a record shared twice: the signer is asked three times, and the page says one record and two shares', async () => {
    const url = await relayUrl('main');
    const { patient } = await recordSharedTwice(url);

    const held = heldDecrypt(patient.signer);
    const signer = counting(held.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => held.asked(), 'the signer asked to unlock', { timeout: 30000 });
    await el.updateComplete;
    const promised = text($(el, '[role=status]'));
    held.release();
    await waitUntil(() => el.status === 'done', 'records unlocked', { timeout: 30000 });
    const asked = signer.calls.nip44Decrypt ?? 0;
    expect(asked, 'the signer asked once per record and once per share').to.equal(3);
    expect(text($(el, '[role=status]')), 'what was opened, said after').to.equal('1 record loaded, and 2 you shared.');
    expect(promised, 'what the signer will be asked, said before').to.equal('Waiting for your signer. Your signer will be asked to unlock each of your records and each one you shared (once each). Unlocking 1 of 3.');
  });
});
