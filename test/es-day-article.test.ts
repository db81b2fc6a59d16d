/**
 * A day after "desde" or "hasta" takes its article in Spanish, as every other day the kit writes
 * does ("hasta el", "Compartido el", "Terminó el"): the period a request asks for reads "Desde el
 * 4 dic 2026 hasta el 24 dic 2026", and the viewer's period known only by its end "hasta el 3 ene
 * 2020".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { consentResource } from '../components/core/nip82/requests.js';
import { giftWrap, makeRumor } from '../components/core/nip82/gift-wrap.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { MEDICAL_DATA_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, isoDay, text } from './element-helpers.js';

describe('the article before a day (es)', function () {
  this.timeout(60000);

  it('the period a request asks for reads "Desde el <día> hasta el <día>"', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    const [patient, clinic] = [await person(), await person()];
    const record = await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer);
    const [start, end] = [isoDay(1), isoDay(20)];
    const consent = consentResource({ status: 'proposed', requester: clinic.pubkey, patient: patient.pubkey, types: ['Immunization'], purpose: 'Clínica del viajero', period: { start, end }, records: [] } as never);
    const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([consent])) }, clinic.pubkey);
    try {
      await client.publishAll(await giftWrap(clinic.signer, rumor, [patient.pubkey, clinic.pubkey]));
    } finally {
      client.close();
    }

    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    await waitUntil(() => buttonByText(el, 'Ver solicitudes'), 'the check button');
    buttonByText(el, 'Ver solicitudes')!.click();
    await waitUntil(() => $(el, 'li.request button'), 'the request', { timeout: 30000 });
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#grant-until'), 'the answer form');
    await el.updateComplete;
    const period = [...el.shadowRoot!.querySelectorAll('dl.facts dt')].find((dt) => text(dt) === 'Durante cuánto tiempo')!.nextElementSibling!;
    expect(text(period)).to.equal(`Desde el ${dayText(start, 'es')} hasta el ${dayText(end, 'es')}`);
  });

  it('the viewer\'s period with only an end reads "hasta el <día>"', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002', resource: { resourceType: 'Encounter', id: 'e1', status: 'finished', type: [{ text: 'Ingreso' }], period: { end: '2020-01-03' } } }],
    } as unknown as FhirBundle;
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer .bundle=${bundle}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(el, '[part=item]').length === 1, 'the item never showed');
    await el.updateComplete;
    const period = $$(el, '.facts div').map((d) => text(d)).find((f) => f.startsWith('Periodo'));
    // The label (dt) and the value (dd) run together in the element's text.
    expect(period).to.equal(`Periodohasta el ${dayText('2020-01-03', 'es')}`);
  });
});
