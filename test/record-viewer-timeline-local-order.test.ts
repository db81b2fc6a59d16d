/**
 * The timeline west of UTC (Los Angeles): a day written without a time falls at the reader's own
 * midnight, among the moments of that day. Before, it fell at UTC midnight, the evening before:
 * a flu shot on 5 March came after a reading taken at 6 PM on 4 March, newest first.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { $$, text } from './element-helpers.js';

describe('the record viewer: the timeline in the reader\'s time zone', function () {
  this.timeout(60000);

  before(async () => {
    await executeServerCommand('time-zone', { timeZone: 'America/Los_Angeles' });
    // The element comes after the zone is set.
    await import('../components/record-viewer/define.js');
  });

  after(() => executeServerCommand('time-zone', { timeZone: '' }));

  it('a day or a year written alone comes after the moments of the day before, newest first', async () => {
    const entry = (id: string, resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:${id}`, resource: { id, ...resource } });
    const bundle = {
      resourceType: 'Bundle', type: 'collection', entry: [
        entry('1', { resourceType: 'Observation', status: 'final', code: { text: 'Evening glucose' }, effectiveDateTime: '2021-03-04T18:00:00-08:00' }),
        entry('2', { resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'Flu shot' }, occurrenceDateTime: '2021-03-05' }),
        entry('3', { resourceType: 'Condition', code: { text: 'Asthma' }, onsetDateTime: '2021' }),
        entry('4', { resourceType: 'Observation', status: 'final', code: { text: 'New Year\'s Eve reading' }, effectiveDateTime: '2020-12-31T20:00:00-08:00' }),
      ],
    };
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer mode="timeline" .bundle=${bundle}></nip82-record-viewer>`);
    await el.updateComplete;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/Los_Angeles');
    const titles = $$(el, '[part="timeline"] [part="item"] .title').map((t) => text(t));
    expect(titles).to.deep.equal(['Flu shot', 'Evening glucose', 'Asthma', 'New Year\'s Eve reading']);
  });
});
