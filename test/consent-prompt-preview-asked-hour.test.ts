/**
 * A patient in Madrid approves, as asked, a clinic's request that ends at 10:00 Mexico City time
 * (17:00 in Madrid). The approval ends at that hour, so the preview, the last thing read before
 * signing, says the hour too. Before, it said only the day, as if the share ran to the day's end.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { consentResource } from '../components/core/nip82/requests.js';
import { giftWrap, makeRumor } from '../components/core/nip82/gift-wrap.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { MEDICAL_DATA_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, isoDay, text } from './element-helpers.js';

describe('the consent prompt: the preview of an approval left as asked says its hour', function () {
  this.timeout(60000);

  before(async () => {
    await executeServerCommand('time-zone', { timeZone: 'Europe/Madrid' });
    await import('../components/consent-prompt/define.js');
  });

  after(() => executeServerCommand('time-zone', { timeZone: '' }));

  it('says "until" the asked day and hour before anything is signed', async () => {
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
      buttonByText(el, /^Review: approve/)!.click();
      await waitUntil(() => buttonByText(el, /^Approve and share with/), 'the preview');

      expect(text($(el, 'p.until')), 'the preview\'s end').to.contain(`Until ${dayText(isoDay(20), 'en')}, 5:00`);
    } finally {
      client.close();
    }
  });
});
