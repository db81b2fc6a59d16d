/**
 * The viewer's "Unlock my records" tells the patient what their signer was asked to open: their
 * records and the copies of what they shared, each once. Before, two shares and one record asked the
 * signer three times and the viewer said "1 record unlocked", having promised "once per record".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { counting, heldDecrypt, relayUrl } from './helpers.js';
import { recordSharedTwice } from './record-shared-twice.js';
import { $, buttonByText, text } from './element-helpers.js';

describe('<nip82-record-viewer>: unlocking says what the signer was asked to open', function () {
  this.timeout(90000);

  it('a record shared twice: asked three times, said as one record and two shared', async () => {
    const url = await relayUrl('main');
    const { patient } = await recordSharedTwice(url);

    const held = heldDecrypt(patient.signer);
    const signer = counting(held.signer);
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer relays=${url} .signer=${signer}></nip82-record-viewer>`);
    await waitUntil(() => buttonByText(el, 'Unlock my records'), 'the unlock button');
    const promised = text(el.shadowRoot);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => held.asked(), 'the signer asked to unlock', { timeout: 30000 });
    held.release();
    await waitUntil(() => el.status === 'done' && $(el, 'article[part=record]'), 'unlocked', { timeout: 30000 });
    await el.updateComplete;
    expect(signer.calls.nip44Decrypt ?? 0, 'asked once per record and once per share').to.equal(3);
    expect(text($(el, '[role=status]')), 'what was opened, said after').to.equal('1 record unlocked, and 2 you shared.');
    expect(promised, 'the promise before').to.contain('your signer will be asked once for each of your records and each one you shared.');
  });
});
