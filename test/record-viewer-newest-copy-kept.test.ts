/**
 * At a clinic, one patient's records come in out of order with one that names no patient key
 * between them: Bo Chen's newest record, an older one without his key that says his asthma is now
 * well controlled, and an oldest one that says only "Asthma" for the same item. Grouping his keyed
 * records together must not let the oldest record's words stand for the item: the newest copy of
 * an item is the one shown, once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { person, publishTo, recordAbout, relayUrl } from './helpers.js';

describe('<nip82-record-viewer>: an item in two of a patient\'s records', function () {
  this.timeout(60000);

  it('shows the newest record\'s copy of the item', async () => {
    const relay = await relayUrl();
    const [clinic, bo] = [await person(), await person()];
    const now = Math.floor(Date.now() / 1000);
    const withAsthma = (bundle: FhirBundle, words: string): FhirBundle => ({
      ...bundle,
      entry: [...bundle.entry!, { fullUrl: 'urn:uuid:3f0c1d7e-0b8e-4a57-9a43-1c1f0b5e7a01', resource: { resourceType: 'Condition', id: '3f0c1d7e-0b8e-4a57-9a43-1c1f0b5e7a01', code: { text: words } } }],
    } as FhirBundle);
    const records = [
      { bundle: recordAbout('Bo Chen', 'Diabetes', bo), subject: bo.pubkey, createdAt: now - 100 },
      { bundle: withAsthma(recordAbout('Bo Chen', 'Gout'), 'Asthma, well controlled'), createdAt: now - 200 },
      { bundle: withAsthma(recordAbout('Bo Chen', 'Eczema', bo), 'Asthma'), subject: bo.pubkey, createdAt: now - 300 },
    ];
    for (const r of records) {
      await publishTo(relay, await createRecord({ ...r, author: bo.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }), bo.signer);
    }
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang="en" relays=${relay} .signer=${clinic.signer}></nip82-record-viewer>`);
    await waitUntil(() => buttonByText(el, /^Unlock/), 'no unlock button');
    buttonByText(el, /^Unlock/)!.click();
    await waitUntil(() => $$(el, 'article h2').length === 3, 'the three records never showed', { timeout: 20000 });
    await el.updateComplete;
    const conditions = $$(el, 'section[data-section=problems] li[part~=item] .title').map(text);
    expect(conditions.filter((t) => t.startsWith('Asthma'))).to.deep.equal(['Asthma, well controlled']);
  });
});
