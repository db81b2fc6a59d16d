/**
 * A share with thousands of items, as the patient's access list shows it: how many items it holds
 * and how many they hid read as the page's language writes numbers ("10.000 elementos", "You hid
 * 1,000 items"), as the kit's other counts do, never as JavaScript prints a number ("10000").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $, text } from './element-helpers.js';

const SHARED = 10000;
const HIDDEN = 2;
const url = (i: number) => `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: Array.from({ length: SHARED + HIDDEN }, (_, i) => ({
    fullUrl: url(i),
    resource: { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: 'Glucosa' }, effectiveDateTime: '2024-01-05' },
  })),
} as unknown as FhirBundle;

describe('the access list (es): counts of a large share', function () {
  this.timeout(120000);

  it('writes how many items were shared and hidden as Spanish writes numbers', async () => {
    const [patient, clinic] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [], attest: false }), patient.signer);
    const { source } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer' }));
    const events = await createShare({
      from: [record, source], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
      withhold: Array.from({ length: HIDDEN }, (_, i) => url(SHARED + i)), disclose: 'count',
    });
    const copy = await openRecord(events, patient.signer);
    const shown = async (lang: string) => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-access-list .records=${[copy]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-access-list></div>`);
      const el = wrapper.firstElementChild as Nip82AccessList;
      await waitUntil(() => $(el, '[part=share] .hid') && $(el, '[part=share] button.revoke'), 'the share is listed', { timeout: 60000 });
      const share = $(el, '[part=share]')!;
      return { all: text(share), hid: text(share.querySelector('.hid')), revoke: share.querySelector('button.revoke')!.getAttribute('aria-label') ?? '' };
    };
    const es = await shown('es');
    expect(es.all).to.contain('10.000 elementos');
    expect(es.revoke).to.contain('a los 10.000 elementos compartidos');
    expect(es.hid).to.match(/^Usted ocultó 2 elementos a /);
    expect(es.all).not.to.contain('10000');
    const en = await shown('en');
    expect(en.all).to.contain('10,000 items');
    expect(en.revoke).to.contain('the 10,000 items');
  });
});
