/**
 * A clinic's list of many patients' records, a revocation begun and ended: its start marks every
 * Revoke button busy, its end frees them, and each rendered every patient's records again (a third
 * of a second each at 5,000 records). Now the buttons follow the action on their own: its start
 * renders no record, its end only the one it changed. Counted in records rendered, not time: the
 * same on a slow machine. The buttons still say the truth at each moment.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { relayUrl } from './helpers.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { recordsRendered } from './records-rendered.js';
import { clinicWithEditingPatient } from './clinic-records.js';

describe('<nip82-access-list>: the start and the end of a revocation at a clinic of many patients', function () {
  this.timeout(60000);

  it('render only the record it changed, and every Revoke button says whether it is busy', async () => {
    const url = await relayUrl('main');
    const { patient, colleague, quiet, records } = await clinicWithEditingPatient(url);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${quiet.signer} relays=${url}></nip82-access-list>`);
    const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${patient.pubkey}"] button.revoke`);
    const colleagues = () => [...root(el).querySelectorAll<HTMLButtonElement>(`[part=person][data-pubkey="${colleague.pubkey}"] button.revoke`)];
    await waitUntil(() => revoke() && colleagues().length === 60, 'every record on the page');
    const rendered = recordsRendered(el);
    revoke()!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    // The start: the signer is asked to sign the change.
    rendered.reset();
    quiet.arm(1);
    buttonByText(el, /^Revoke access for/)!.click();
    await waitUntil(() => quiet.asked() && el.status === 'waiting-signer', 'the signer asked');
    await el.updateComplete;
    const busy = colleagues().map((b) => b.getAttribute('aria-disabled'));
    expect({ rendered: rendered.count, busy: [...new Set(busy)] }).to.deep.equal({ rendered: 0, busy: ['true'] });
    // The end: revoked, the record moved to a new key.
    rendered.reset();
    quiet.release();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    await el.updateComplete;
    const free = colleagues().map((b) => b.getAttribute('aria-disabled'));
    expect({ rendered: rendered.count, free: [...new Set(free)], count: free.length }).to.deep.equal({ rendered: 1, free: ['false'], count: 60 });
    // A press on a Revoke button now asks again: they work.
    const closed = oneEvent(dialogOf(el), 'close');
    buttonByText(el, 'Close')!.click();
    await closed;
    colleagues()[0]!.click();
    await waitUntil(() => dialogOf(el).open && /^Revoke access for/.test(text($(el, 'dialog button.danger'))), 'the dialog opens again');
  });
});
