/**
 * A clinic's list of many patients' records: each step of a revocation (the signer asked, the
 * change sent, the outcome) looked at every record's end date again (when to say a share has
 * ended), thousands of reads at each. A step changes no end date: now only the record the
 * revocation changed is read, once, and the list still wakes for a share that ends.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { OpenedRecord } from '../components/core/nip82/record.js';
import { relayUrl } from './helpers.js';
import { root } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { revocationHeldAtSigner } from './revocation-held.js';
import { clinicWithEditingPatient } from './clinic-records.js';

describe('<nip82-access-list>: the steps of a revocation at a clinic of many patients', function () {
  this.timeout(60000);

  it('read the end date of the record it changed alone', async () => {
    const url = await relayUrl('main');
    const { patient, family, colleague, quiet, records } = await clinicWithEditingPatient(url);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .records=${records} .signer=${quiet.signer} relays=${url}></nip82-access-list>`);
    await waitUntil(() => root(el).querySelectorAll(`[part=person][data-pubkey="${colleague.pubkey}"] button.revoke`).length === 60, 'every record on the page');
    await el.updateComplete;
    // Each record whose end date is read from now on, counted.
    const read: OpenedRecord[] = [];
    const counted = el as unknown as { readEnd: (record: OpenedRecord) => number | undefined };
    const readEnd = counted.readEnd;
    counted.readEnd = function (record) {
      read.push(record);
      return readEnd.call(this, record);
    };
    await revocationHeldAtSigner(el, patient.pubkey, quiet);
    quiet.release();
    await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
    await el.updateComplete;
    const moved = (el as unknown as { handed: OpenedRecord[] }).handed.find((r) => r.participants?.some((p) => p.pubkey === family.pubkey));
    expect({ reads: read.length, same: read.every((r) => r === moved) }).to.deep.equal({ reads: 1, same: true });
  });
});
