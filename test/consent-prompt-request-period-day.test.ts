/**
 * A request whose period ends at a moment written with the clinic's offset ("…T01:00:00+05:00",
 * the evening before at UTC) reads as the patient's own day: in the text, and as the grant-until
 * picker's default and latest day. Before, it read the day as the clinic wrote it, a day late.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { consentResource } from '../components/core/nip82/requests.js';
import { giftWrap, makeRumor } from '../components/core/nip82/gift-wrap.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { MEDICAL_DATA_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, buttonByText, dialogOf, isoDay, text } from './element-helpers.js';

describe('the consent prompt: the asked period in the patient\'s time zone', function () {
  this.timeout(60000);

  it('a request\'s end reads as the patient\'s day, not the day written with the clinic\'s offset', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const [patient, clinic] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    // A clinic five hours east of UTC asks until 1 a.m. on its day D: the moment is day D-1 at UTC and anywhere west of it.
    const end = `${isoDay(20)}T01:00:00+05:00`;
    const moment = new Date(end);
    const localDay = `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;
    const consent = consentResource({ status: 'proposed', requester: clinic.pubkey, patient: patient.pubkey, types: ['Immunization'], purpose: 'Travel clinic', period: { start: new Date().toISOString(), end }, records: [] } as never);
    const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([consent])) }, clinic.pubkey);
    try {
      await client.publishAll(await giftWrap(clinic.signer, rumor, [patient.pubkey, clinic.pubkey]));
    } finally {
      client.close();
    }

    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Check for requests')!.click();
    await waitUntil(() => $(el, 'li.request button'), 'the request', { timeout: 30000 });
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#grant-until'), 'the answer form');
    await el.updateComplete;
    const said = text($(el, 'dl.facts'));
    expect(said, 'the asked period').to.contain(`until ${dayText(localDay, 'en')}`);
    expect($<HTMLInputElement>(el, '#grant-until')!.value, 'the grant-until default').to.equal(localDay);
    expect($<HTMLInputElement>(el, '#grant-until')!.max, 'the latest day offered').to.equal(localDay);
  });
});
