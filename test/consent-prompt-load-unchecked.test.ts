/**
 * "Unlock my records" when some storage server could not be read: the patient said no to the
 * sign-in a server asks for before it serves anything, or the server is down. The prompt never
 * says "You have no records to share yet." then: it says the records could not be checked there,
 * names the server and why, and offers to load them again (beside the records found on the rest).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { decliningSignIn, downRelayUrl, person, publishTo, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('<nip82-consent-prompt>: "Unlock my records" with a storage server it could not read', function () {
  this.timeout(60000);
  let url: string;
  let signIn: string;

  before(async () => {
    url = await relayUrl('main');
    signIn = await relayUrl('auth');
  });

  /** A record of the patient's, on `relay` only (published signed in, as its owner). */
  async function recordOn(relay: string, patient: Person): Promise<void> {
    await publishTo(relay, await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
  }

  async function load(el: Nip82ConsentPrompt): Promise<string> {
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 20000 });
    await el.updateComplete;
    return text($(el, '[role=status]'));
  }

  it('the patient says no to a storage server\'s sign-in: not "no records", but that server, why, and the way to try again', async () => {
    const patient = await person();
    await recordOn(signIn, patient);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .signer=${decliningSignIn(patient.signer)} relays=${signIn}></nip82-consent-prompt>`);
    const said = await load(el);
    expect(said).not.to.contain('You have no records to share yet.');
    expect(said).to.equal(`Your records could not be checked on any storage server. ${signIn} asked you to sign in, and you did not. Load your records again to try again.`);
    expect(buttonByText(el, 'Unlock my records'), 'loading again is offered').to.exist;
    await expect(el).to.be.accessible();
  });

  it('a storage server is down: records found on the other are shown, the down one is named, and loading again is offered', async () => {
    const patient = await person();
    const down = await downRelayUrl();
    await recordOn(url, patient);
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .signer=${patient.signer} relays=${`${url} ${down}`}></nip82-consent-prompt>`);
    const said = await load(el);
    expect(said).to.equal(`1 record loaded. Your records could not be checked on every storage server, so some may be missing here. ${down} could not be reached or did not answer. Load your records again to try again.`);
    expect(buttonByText(el, 'Share records…')).to.exist;
    const again = buttonByText(el, 'Load your records again')!;
    expect(again, 'loading again is offered beside the records found').to.exist;
    const statuses: string[] = [];
    el.addController({ hostUpdated: () => statuses.push(el.status) });
    again.click();
    await waitUntil(() => statuses.some((s) => s !== 'done') && el.status === 'done', 'loaded again', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, '[role=status]')), 'the load again says the same').to.contain(`${down} could not be reached or did not answer.`);
    await expect(el).to.be.accessible();
  });

  it('answering a request, a storage server is down: the dialog names it beside the records found, and loads them again', async () => {
    const [patient, clinician] = [await person(), await person()];
    const down = await downRelayUrl();
    await recordOn(url, patient);
    const client = new RelayClient({ relays: [url] });
    try {
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['Condition'], purpose: 'Check-up', days: 30 });
      await client.publishAll(events);
      const incoming = (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${incoming} .signer=${patient.signer} relays=${`${url} ${down}`}></nip82-consent-prompt>`);
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => $(el, 'p.from') && el.status === 'done', 'records loaded', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, 'dialog [role=status]'))).to.contain(`Your records could not be checked on every storage server, so some may be missing here. ${down} could not be reached or did not answer.`);
      const again = buttonByText(el, 'Load your records again')!;
      expect(again && dialogOf(el).contains(again), 'loading again is offered in the dialog').to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      client.close();
    }
  });

  it('the only storage server is down: not "no records"', async () => {
    const patient = await person();
    const down = await downRelayUrl();
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .signer=${patient.signer} relays=${down}></nip82-consent-prompt>`);
    const said = await load(el);
    expect(said).to.equal(`Your records could not be checked on any storage server. ${down} could not be reached or did not answer. Load your records again to try again.`);
  });

  it('in Spanish, with the sign-in refused', async () => {
    const patient = await person();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-consent-prompt .signer=${decliningSignIn(patient.signer)} relays=${signIn}></nip82-consent-prompt></div>`);
    const el = wrapper.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await waitUntil(() => buttonByText(el, 'Desbloquear mis historiales'), 'Spanish words');
    buttonByText(el, 'Desbloquear mis historiales')!.click();
    await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 20000 });
    await el.updateComplete;
    const said = text($(el, '[role=status]'));
    expect(said).not.to.contain('Todavía no tiene historiales');
    expect(said).to.equal(`No se pudieron revisar sus historiales en ningún servidor de almacenamiento. ${signIn} pidió que usted se identificara y usted no lo hizo. Vuelva a cargar sus historiales para intentarlo de nuevo.`);
  });
});
