/**
 * The access list writes a share's counts as the page's language writes numbers, as the consent
 * prompt wrote them when the share was made: "1,050 items", "You hid 1,050 items", never
 * "1050 items" beside a dialog that said "1,050".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $, text } from './element-helpers.js';

const N = 2100;
const HIDDEN = 1050;
const bundle =
  ({
    resourceType: 'Bundle', type: 'collection',
    entry: [
      ...Array.from({ length: N }, (_, i) => ({
        fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        resource: { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: 'Glucose' }, effectiveDateTime: '2024-01-05' },
      })),
    ],
  }) as unknown as FhirBundle;

describe('counts of a share, in the access list and the viewer', function () {
  this.timeout(120000);

  it('a large share: its items and the hidden ones as English writes numbers', async () => {
    const [patient, clinic] = await Promise.all([person(), person()]);
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer' }));
    const observations = record.bundle.entry!.filter((e) => e.resource?.resourceType === 'Observation').map((e) => e.fullUrl!);
    const events = await createShare({
      from: [record, source], include: [...observations, fullUrl], withhold: observations.slice(0, HIDDEN), disclose: 'count', maxEventBytes: 256 * 1024,
      author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
    });
    const share = await openRecord(events, patient.signer);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record, share]} .signer=${patient.signer}></nip82-access-list>`);
    await waitUntil(() => $(el, '[part=share]'), 'the share is listed', { timeout: 60000 });
    const said = text($(el, '[part=share]'));
    expect(said).to.contain('1,050 items');
    expect(said).to.contain('You hid 1,050 items');
    expect($(el, '[part=share] button.revoke')!.getAttribute('aria-label')).to.contain('the 1,050 items shared on');
    // The same share opened in the viewer says so the same way.
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[share]}></nip82-record-viewer>`);
    await waitUntil(() => $(viewer, '.you-hid'), 'the viewer says what was hidden', { timeout: 60000 });
    expect(text($(viewer, '.you-hid'))).to.contain('You hid 1,050 items');
  });
});
