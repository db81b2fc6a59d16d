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
import { $$, buttonByText, heldSigner, text, toSharePreview } from './element-helpers.js';

/** A record of the patient's own, shared with nobody, opened as the patient's page would. */
async function ownRecord(patient: Person, relay: string): Promise<OpenedRecord> {
  const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
  await publishTo(relay, events, patient.signer);
  return openRecord(events, patient.signer);
}

describe('the consent prompt and the access list handed records that are not opened records', function () {
  this.timeout(60000);

  it('a page that answers the report by handing in opened records sees them, with no error left on screen', async () => {
    const patient = await person();
    const url = await relayUrl('main');
    const record = await ownRecord(patient, url);
    const wrap = await fixture<HTMLDivElement>(html`<div><nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list></div>`);
    const el = wrap.firstElementChild as Nip82AccessList;
    const codes: string[] = [];
    // The handler hands in the right records within the same update.
    el.addEventListener('nip82-error', (e) => { codes.push((e as CustomEvent).detail.code); el.records = [record]; });
    el.records = [sampleBundle()] as unknown as OpenedRecord[];
    await waitUntil(() => $$(el, '[part=record]').length === 1, 'the records handed in by the handler never showed');
    await el.updateComplete;
    expect(codes).to.deep.equal(['invalid-input']);
    expect(el.status).not.to.equal('bad-data');
    expect(text(el.shadowRoot)).not.to.include('Something in the data could not be used');
  });

  it('records set wrongly while a share waits at the signer: reported, and the wait and its "Stop waiting" stay', async () => {
    const [patient, clinician] = [await person(), await person()];
    const url = await relayUrl('main');
    const record = await ownRecord(patient, url);
    // A signer whose signatures are never released: the share waits there.
    const waiting = heldSigner(patient.signer).signer;
    const codes: string[] = [];
    const wrap = await fixture<HTMLDivElement>(html`<div @nip82-error=${(e: CustomEvent) => codes.push(e.detail.code)}><nip82-consent-prompt .signer=${waiting} relays=${url} .records=${[record]}></nip82-consent-prompt></div>`);
    const el = wrap.firstElementChild as Nip82ConsentPrompt;
    await toSharePreview(el, clinician.pubkey);
    buttonByText(el, /^Share with /)!.click();
    await waitUntil(() => el.status === 'waiting-signer' && buttonByText(el, 'Stop waiting'), `status ${el.status}`);
    el.records = [sampleBundle()] as unknown as OpenedRecord[];
    await el.updateComplete;
    expect(codes).to.deep.equal(['invalid-input']);
    expect(el.status).to.equal('waiting-signer');
    expect(buttonByText(el, 'Stop waiting'), 'Stop waiting is still offered').to.exist;
  });

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
