/**
 * A clinic's list of thousands of records, a revocation begun: every Revoke button was faded busy
 * with opacity, which gives each a layer of its own: at 5,000 records the page was held for seconds
 * between the press of the dialog's Revoke and the signer's prompt. Now a busy button is faded by
 * its colours. Read from the styles in effect, not timed: the same on a slow machine. The buttons
 * still say they are busy, and look it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { person, relayUrl } from './helpers.js';
import { root } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { revocationHeldAtSigner } from './revocation-held.js';
import { clinicRecords, clinicWithEditingPatient } from './clinic-records.js';

describe('<nip82-access-list>: the start and the steps of a revocation at a clinic of many patients', function () {
  this.timeout(60000);

  it('marks the Revoke buttons busy without a layer each', async () => {
    const url = await relayUrl('main');
    const { patient, colleague, quiet, records } = await clinicWithEditingPatient(url);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${quiet.signer} relays=${url}></nip82-access-list>`);
    const colleagues = () => [...root(el).querySelectorAll<HTMLButtonElement>(`[part=person][data-pubkey="${colleague.pubkey}"] button.revoke`)];
    await waitUntil(() => colleagues().length === 60, 'every record on the page');
    const freeColour = getComputedStyle(colleagues()[0]!).webkitTextFillColor;
    await revocationHeldAtSigner(el, patient.pubkey, quiet);
    const looks = colleagues().map((b) => {
      const style = getComputedStyle(b);
      return JSON.stringify({ busy: b.getAttribute('aria-disabled'), opacity: style.opacity, faded: style.webkitTextFillColor !== freeColour, cursor: style.cursor });
    });
    expect([...new Set(looks)]).to.deep.equal([JSON.stringify({ busy: 'true', opacity: '1', faded: true, cursor: 'progress' })]);
    quiet.release();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
  });

  // The status line above the records changes height at each step: the records are moved as one
  // block, not each of thousands walked through again before the page is painted.
  it('paints the records as one block below the status line', async () => {
    const clinic = await person();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${await clinicRecords(clinic, 30)} .signer=${clinic.signer}></nip82-access-list>`);
    await waitUntil(() => root(el).querySelectorAll('article[part=record]').length === 60, 'every record on the page');
    const records = root(el).querySelector('.records')!;
    const status = root(el).querySelector('.state')!;
    const style = getComputedStyle(records);
    expect({ after: !!(status.compareDocumentPosition(records) & Node.DOCUMENT_POSITION_FOLLOWING), contain: style.contain, focusRing: style.overflowClipMargin })
      .to.deep.equal({ after: true, contain: 'paint', focusRing: '8px' });
  });
});
