/**
 * A patient in Madrid answers a clinic in Mexico City that asks for access until 10:00 its time
 * (17:00 in Madrid). The answer form says the hour, and an approval left as asked ends at that
 * moment for both sides: the answer the clinic reads and the share's end are the asked instant.
 * Before, the form said only the day and the approval ran to the patient's midnight, seven hours more.
 * The preview, the last thing read before signing, says the hour too (it once said only the day).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { expirationOf } from '../components/core/nip82/grant.js';
import { consentResource, readConsentMessages } from '../components/core/nip82/requests.js';
import { giftWrap, makeRumor } from '../components/core/nip82/gift-wrap.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { MEDICAL_DATA_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, isoDay, text } from './element-helpers.js';

describe('the consent prompt: a request asking until an hour (Madrid answering Mexico City)', function () {
  this.timeout(90000);

  before(async () => {
    await executeServerCommand('time-zone', { timeZone: 'Europe/Madrid' });
    await import('../components/consent-prompt/define.js');
  });

  after(() => executeServerCommand('time-zone', { timeZone: '' }));

  it('the form and the preview say the hour, and the approval ends at the asked moment for both sides', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinic] = [await person(), await person()];
      const made = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
      await client.publishAll(made);
      const record = await openRecord(made, patient.signer);
      const end = `${isoDay(20)}T10:00:00-06:00`;
      const consent = consentResource({ status: 'proposed', requester: clinic.pubkey, patient: patient.pubkey, types: ['Immunization'], purpose: 'Travel clinic', period: { start: new Date().toISOString(), end }, records: [] } as never);
      const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([consent])) }, clinic.pubkey);
      await client.publishAll(await giftWrap(clinic.signer, rumor, [patient.pubkey, clinic.pubkey]));

      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
      buttonByText(el, 'Check for requests')!.click();
      await waitUntil(() => $(el, 'li.request button'), 'the request', { timeout: 30000 });
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open && $(el, '#grant-until'), 'the answer form');
      await el.updateComplete;
      expect(text($(el, 'dl.facts')), 'the asked period').to.contain(`until ${dayText(isoDay(20), 'en')}, 5:00`);
      buttonByText(el, /^Review: approve/)!.click();
      await waitUntil(() => buttonByText(el, /^Approve and share with/), 'the preview');
      expect(text($(el, 'p.until')), 'the preview\'s end').to.contain(`Until ${dayText(isoDay(20), 'en')}, 5:00`);
      buttonByText(el, /^Approve and share with/)!.click();
      await waitUntil(() => $(el, '#result-title'), 'approved', { timeout: 30000 });

      const answer = (await readConsentMessages((await client.wrapsFor(clinic.pubkey)).events, clinic.signer)).find((m) => m.status === 'active')!;
      expect(Date.parse(answer.period!.end!), `the answer's end ${answer.period!.end}`).to.equal(Date.parse(end));
      const { events } = await client.recordByNaddr(answer.records[0]!);
      expect(expirationOf(events[0]!), 'the share\'s end').to.equal(Date.parse(end) / 1000 + 1);

      // The clinic reads the same end, with its hour, where the share is opened.
      await import('../components/record-viewer/define.js');
      const viewer = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer audience="clinician" naddr=${answer.records[0]!} .signer=${clinic.signer} relays=${url}></nip82-record-viewer>`);
      $<HTMLButtonElement>(viewer, 'button.unlock')!.click();
      await waitUntil(() => $(viewer, '[part=share-until]'), 'the share\'s end said', { timeout: 30000 });
      expect(text($(viewer, '[part=share-until]'))).to.contain(`${dayText(isoDay(20), 'en')}, 5:00`);
    } finally {
      client.close();
    }
  });
});
