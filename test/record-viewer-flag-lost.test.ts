/**
 * When the page's server cannot give the hidden-item flag, the fetch fails for real here
 * (scripts/wtr-lost-module-plugin.mjs): records unlocked that withheld items are not shown without
 * it, and the viewer says so and to try again, as its "Try again" is enough: once the connection
 * is back, it shows them with their flag. No reload needed. Records handed in by the page, with
 * no button to press, keep the words of a reload; neither blames the storage servers.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82Event } from '../components/shared/events.js';
import { markWithheld } from '../components/core/fhir/withheld-mark.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

const FLAG_MODULE = '/components/hidden-flag/';
const said = (el: Element) => text(el.shadowRoot!.querySelector('[role=status]'));

describe('<nip82-record-viewer> when its hidden-item flag could not be fetched', function () {
  this.timeout(30000);
  before(async () => {
    // Before anything in this page fetched the flag.
    await executeServerCommand('lose-module', { path: FLAG_MODULE });
  });

  it('records handed in say part of the page could not be loaded, so they are not shown, to reload, and not that the servers could not be reached', async () => {
    const bundle = markWithheld(sampleBundle() as FhirBundle, [{ resourceType: 'Condition', id: 'h1' }], 'count');
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .bundle=${bundle}></nip82-record-viewer>`);
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 10000 });
    await el.updateComplete;
    expect(said(el)).to.equal('Part of this page could not be loaded, so these records are not shown. Check your internet connection, then reload the page.');
    el.lang = 'es';
    await waitUntil(() => said(el) === 'No se pudo cargar una parte de esta página, así que no se muestran estos historiales. Compruebe su conexión a internet y vuelva a cargar la página.', `in Spanish: ${said(el)}`);
  });

  it('records unlocked say to try again, in Spanish too; once the connection is back, "Try again" shows them with their flag', async () => {
    const url = await relayUrl('main');
    const [hospital, patient] = [await person(), await person()];
    const client = new RelayClient({ relays: [url] });
    try {
      const bundle = markWithheld(sampleBundle(`nostr:${npubEncode(patient.pubkey)}`) as FhirBundle, [{ resourceType: 'Condition', id: 'h1' }], 'count');
      await client.publishAll(await createRecord({ bundle, author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] }));
    } finally {
      client.close();
    }
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer .signer=${patient.signer} relays=${url}></nip82-record-viewer>`);
    const codes: string[] = [];
    el.addEventListener('nip82-error', (e) => codes.push((e as Nip82Event<'nip82-error'>).detail.code));
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'relay-error', `status ${el.status}`, { timeout: 15000 });
    await el.updateComplete;
    expect(codes).to.deep.equal(['part-unavailable']);
    expect(said(el)).to.equal('Part of this page could not be loaded, so your records are not shown. Check your internet connection, then try again.');
    expect(buttonByText(el, 'Try again')).not.to.equal(undefined);

    el.lang = 'es';
    await waitUntil(() => said(el) === 'No se pudo cargar una parte de esta página, así que no se muestran sus historiales. Compruebe su conexión a internet y vuelva a intentarlo.', `in Spanish: ${said(el)}`);
    el.lang = 'en';

    await executeServerCommand('find-module', { path: FLAG_MODULE });
    await waitUntil(() => buttonByText(el, 'Try again'), 'the button went');
    buttonByText(el, 'Try again')!.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('nip82-hidden-flag')?.shadowRoot).includes('withheld 1 item'), `the flag never showed: ${said(el)}`, { timeout: 15000 });
  });
});
