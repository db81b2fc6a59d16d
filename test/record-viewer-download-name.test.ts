/**
 * A patient downloads their records to take them elsewhere: each file is named in the page's words
 * (no protocol or format code words), and a record of which some parts were not found says so in its
 * file's name, so that a copy kept or handed on is not taken for the whole record.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle, FhirResource } from '../components/core/fhir/types.js';
import { $ } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { catchDownloads } from './record-extras-helpers.js';
import { person, sampleBundle } from './helpers.js';

function bigBundle(n: number): FhirBundle {
  const entry = [];
  for (let i = 0; i < n; i++) {
    const resource: FhirResource = { resourceType: 'Condition', id: `r${i}`, code: { text: `Item ${i}` }, recordedDate: '2020-01-01' };
    entry.push({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

async function pressDownload(el: Nip82RecordViewer, downloads: { name: string }[]): Promise<string> {
  const before = downloads.length;
  $<HTMLButtonElement>(el, 'button.export')!.click();
  await waitUntil(() => downloads.length > before, 'nothing was downloaded');
  return downloads[downloads.length - 1]!.name;
}

describe('<nip82-record-viewer> Download: the file names', function () {
  this.timeout(60000);

  it('names a whole record, a Bundle handed in, and a record with parts missing in plain words', async () => {
    const author = await person();
    const { downloads, restore } = catchDownloads();
    try {
      const whole = await openRecord(await createRecord({ bundle: sampleBundle(), author: author.signer, participants: [] }), author.signer);
      const one = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[whole]}></nip82-record-viewer>`);
      expect(await pressDownload(one, downloads)).to.equal(`health-record-${whole.signPubkey.slice(0, 12)}.json`);

      const bundle = { ...sampleBundle(), identifier: { value: 'urn:uuid:0a0b0c0d-1111-4222-8333-944455556666' } };
      const handed = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
      expect(await pressDownload(handed, downloads)).to.equal('health-record-0a0b0c0d-1111-4222-8333-944455556666.json');

      const events = await createRecord({ bundle: bigBundle(400), author: author.signer, participants: [], maxEventBytes: 20000 });
      const partial = await openRecord(events.slice(0, 1), author.signer);
      expect(partial.parts.have).to.be.lessThan(partial.parts.total);
      const part = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .records=${[partial]}></nip82-record-viewer>`);
      expect(await pressDownload(part, downloads)).to.equal(`health-record-${partial.signPubkey.slice(0, 12)}-incomplete.json`);

      const es = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="es" .records=${[partial]}></nip82-record-viewer>`);
      await waitUntil(() => $(es, 'button.export')?.textContent?.includes('Descargar'), 'the Spanish strings never came');
      expect(await pressDownload(es, downloads)).to.equal(`historial-de-salud-${partial.signPubkey.slice(0, 12)}-incompleto.json`);
    } finally {
      restore();
    }
  });
});

