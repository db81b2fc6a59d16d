/**
 * A share holding an item too large for the storage servers says so in the patient's words, in
 * the page's language, never with the core's FHIR resource type or its count of bytes ("One
 * DocumentReference is too large to fit in any record part (40261 bytes)").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { person, relayUrl } from './helpers.js';
import { $, buttonByText, dialogOf, text, typeRecipient } from './element-helpers.js';

const bundle = {
  resourceType: 'Bundle', type: 'collection',
  entry: [{
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    resource: { resourceType: 'DocumentReference', id: 'd1', status: 'current', description: 'Scan', content: [{ attachment: { contentType: 'text/plain', data: btoa('x'.repeat(30000)) } }] },
  }],
} as unknown as FhirBundle;

const pages = [
  { lang: 'es', open: 'Compartir historiales…', review: 'Revisar', share: /^Compartir con npub1/, said: 'Hay datos que no se pudieron usar. Un elemento es demasiado grande para los servidores de almacenamiento.' },
  { lang: 'en', open: 'Share records…', review: 'Review', share: /^Share with npub1/, said: 'Something in the data could not be used. One item is too large for the storage servers.' },
] as const;

describe('the consent prompt: an item too large to share', function () {
  this.timeout(60000);

  for (const page of pages) {
    it(`says an item is too large, without its FHIR type or bytes (${page.lang})`, async () => {
      const url = await relayUrl('main');
      const [patient, clinic] = [await person(), await person()];
      // Made where events may be larger than the storage servers take.
      const record = await openRecord(await createRecord({ bundle, author: patient.signer, participants: [], maxEventBytes: 200000 }), patient.signer);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${page.lang}><nip82-consent-prompt mode="share" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt></div>`);
      const el = wrapper.firstElementChild as Nip82ConsentPrompt;
      await waitUntil(() => buttonByText(el, page.open), 'the share button');
      buttonByText(el, page.open)!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog');
      await typeRecipient(el, clinic.pubkey);
      buttonByText(el, page.review)!.click();
      await waitUntil(() => buttonByText(el, page.share), 'the preview');
      buttonByText(el, page.share)!.click();
      await waitUntil(() => el.status === 'bad-data', 'refused as too large', { timeout: 30000 });
      await el.updateComplete;
      const said = text($(el, 'dialog [role=status]'));
      expect(said).to.equal(page.said);
      expect(text(dialogOf(el))).not.to.match(/DocumentReference|bytes|record part/);
    });
  }
});
