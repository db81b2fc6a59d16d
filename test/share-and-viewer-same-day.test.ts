/**
 * The share dialog and the record viewer put an item on the same day: for a reader in New York, an
 * observation at 2024-02-06T02:00:00Z was on 5 February (9 p.m.), and the dialog says so too, not
 * 6 February as the moment's written form begins; its list, newest first, follows the reader's
 * days as well. A date without a time stays that day in both.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person } from './helpers.js';
import { $$, buttonByText, dialogOf, text } from './element-helpers.js';

let n = 0;
const reading = (title: string, when: string) => ({
  fullUrl: `urn:uuid:00000000-0000-4000-8000-0000000003${String(++n).padStart(2, '0')}`,
  resource: { resourceType: 'Observation', status: 'final', code: { text: title }, effectiveDateTime: when },
});

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    reading('Evening reading', '2024-02-06T02:00:00Z'),
    // Written on 6 February far east of UTC: 5 February, 5:30 a.m., in New York.
    reading('Early reading', '2024-02-06T00:30:00+14:00'),
    // Written on 5 February far west of UTC: 6 February, 3 a.m., in New York.
    reading('Night reading', '2024-02-05T20:00:00-12:00'),
    reading('Day reading', '2024-02-06'),
  ],
} as unknown as FhirBundle;

describe('the share dialog and the record viewer: one day per item, in the reader\'s time zone', function () {
  this.timeout(60000);

  before(async () => {
    await executeServerCommand('time-zone', { timeZone: 'America/New_York' });
    // The elements come after the zone is set: no date of theirs is formatted before it.
    await Promise.all([import('../components/consent-prompt/define.js'), import('../components/record-viewer/define.js')]);
  });

  after(() => executeServerCommand('time-zone', { timeZone: '' }));

  it('a moment shows on the reader\'s day in both, and the dialog lists by those days', async () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => $$(viewer, '[part=item]').length === 4, 'the viewer\'s items');
    const inViewer = (title: string) => text($$(viewer, '[part=item]').find((i) => text(i).startsWith(title)));
    expect(inViewer('Evening reading')).to.contain('Feb 5, 2024, 9:00 PM');
    expect(inViewer('Day reading')).to.contain('Feb 6, 2024');

    const patient = await person();
    const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [] }), patient.signer);
    const prompt = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang="en" mode="share" .records=${[record]} .signer=${patient.signer} relays="ws://127.0.0.1:1"></nip82-consent-prompt>`);
    await waitUntil(() => buttonByText(prompt, 'Share records…'), 'the share button');
    buttonByText(prompt, 'Share records…')!.click();
    await waitUntil(() => dialogOf(prompt).open && $$(prompt, 'li.item').length === 4, 'the item list');
    const rows = $$(prompt, 'li.item label').map((l) => text(l));
    const row = (title: string) => rows.find((r) => r.startsWith(title)) ?? '';
    expect(row('Evening reading'), 'the viewer\'s day').to.contain('Feb 5, 2024').and.not.contain('Feb 6');
    expect(row('Early reading')).to.contain('Feb 5, 2024');
    expect(row('Night reading')).to.contain('Feb 6, 2024');
    expect(row('Day reading'), 'a date without a time').to.contain('Feb 6, 2024');
    // Newest first by the reader's days: the night reading (6 February in New York) before the early one (5 February).
    const order = rows.map((r) => r.replace(/ reading.*/, ''));
    expect(order.indexOf('Night'), JSON.stringify(rows)).to.be.below(order.indexOf('Early'));
  });
});
