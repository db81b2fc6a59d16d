/**
 * "Bad input never throws at the page: it becomes `bad-data` with a plain message." A page that
 * hands the consent prompt's or the access list's `records` what is not an opened record (a FHIR
 * Bundle, say) sees the element say something went wrong and hears `nip82-error`, rather than an
 * uncaught error; the records handed in rightly afterwards show.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { OpenedRecord } from '../components/core/index.js';
import { person, publishTo, relayUrl, sampleBundle, type Person } from './helpers.js';
import { createRecord } from '../components/core/nip82/record.js';
import { openRecord } from '../components/core/nip82/record-open.js';
import { waitUntil } from './wait.js';
import { $$, text } from './element-helpers.js';

/** A record of the patient's own, shared with nobody, opened as the patient's page would. */
async function ownRecord(patient: Person, relay: string): Promise<OpenedRecord> {
  const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
  await publishTo(relay, events, patient.signer);
  return openRecord(events, patient.signer);
}

describe('the consent prompt and the access list handed records that are not opened records', function () {
  this.timeout(60000);

  for (const tag of ['nip82-consent-prompt', 'nip82-access-list'] as const) {
    it(`<${tag}> says bad-data in plain words and fires nip82-error; opened records handed in then show`, async () => {
      const patient = await person();
      const url = await relayUrl('main');
      const codes: string[] = [];
      const uncaught: string[] = [];
      const onError = (e: ErrorEvent | PromiseRejectionEvent) => uncaught.push(String('reason' in e ? e.reason : e.message));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
      try {
        const wrap = await fixture<HTMLDivElement>(tag === 'nip82-consent-prompt'
          ? html`<div @nip82-error=${(e: CustomEvent) => codes.push(e.detail.code)}><nip82-consent-prompt .signer=${patient.signer} relays=${url}></nip82-consent-prompt></div>`
          : html`<div @nip82-error=${(e: CustomEvent) => codes.push(e.detail.code)}><nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list></div>`);
        const el = wrap.firstElementChild as Nip82ConsentPrompt | Nip82AccessList;
        el.records = [sampleBundle()] as unknown as OpenedRecord[];
        await waitUntil(() => el.status === 'bad-data', `status ${el.status}`);
        await el.updateComplete;
        expect(codes).to.deep.equal(['invalid-input']);
        expect(el.records, 'taken off the element').to.equal(undefined);
        expect(text(el.shadowRoot)).to.include('Something in the data could not be used. Some of the information given is not valid.').and.not.include('undefined');
        expect(uncaught, 'nothing thrown at the page').to.deep.equal([]);
        el.records = [await ownRecord(patient, url)];
        await waitUntil(() => el.status !== 'bad-data', 'the bad-data state stays after good records');
        await el.updateComplete;
        expect(text(el.shadowRoot)).not.to.include('Something in the data could not be used');
        if (tag === 'nip82-access-list') expect($$(el, '[part=record]')).to.have.length(1);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onError);
      }
    });
  }
});
