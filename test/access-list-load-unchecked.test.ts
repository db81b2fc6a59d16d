/**
 * "Unlock my records" when some storage server could not be read: the patient said no to the
 * sign-in a server asks for before it serves anything, or the server is down. The list never says
 * "No records list you yet." then: it says the records could not be checked there, names the
 * server and why, and "Load your records again" tries again (also beside records found elsewhere).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { decliningSignIn, downRelayUrl, person, publishTo, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, $$, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { recordsStringsEn, recordsUnchecked } from '../components/shared/records.strings.js';
import { recordsStringsEs } from '../components/shared/records.strings.es.js';
import type { QueryReport } from '../components/core/relay/client.js';

describe('<nip82-access-list>: loading the records with a storage server it could not read', function () {
  this.timeout(60000);
  let url: string;
  let signIn: string;

  before(async () => {
    url = await relayUrl('main');
    signIn = await relayUrl('auth');
  });

  /** A record of the patient's, shared with a relative, on `relay` only (published signed in, as its owner). */
  async function recordOn(relay: string, patient: Person): Promise<void> {
    const family = await person();
    await publishTo(relay, await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] }), patient.signer);
  }

  /** Presses `button` and waits for the load it starts to end. */
  async function load(el: Nip82AccessList, button: string): Promise<string> {
    const statuses: string[] = [];
    const controller = { hostUpdated: () => statuses.push(el.status) };
    el.addController(controller);
    buttonByText(el, button)!.click();
    await waitUntil(() => statuses.some((s) => s !== 'done') && el.status === 'done', 'records loaded', { timeout: 20000 });
    el.removeController(controller);
    await el.updateComplete;
    return text($(el, '[role=status]'));
  }

  it('the patient says no to a storage server\'s sign-in: not "no records", but that server, why, and the way to try again', async () => {
    const patient = await person();
    await recordOn(signIn, patient);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${decliningSignIn(patient.signer)} relays=${signIn}></nip82-access-list>`);
    const said = await load(el, 'Unlock my records');
    expect(said).not.to.contain('No records list you yet.');
    expect(said).to.equal(`Your records could not be checked on any storage server. ${signIn} asked you to sign in, and you did not. Load your records again to try again.`);
    expect(buttonByText(el, 'Load your records again'), 'loading again is offered').to.exist;
    expect(await load(el, 'Load your records again'), 'and asks again').to.contain(`${signIn} asked you to sign in, and you did not.`);
    await expect(el).to.be.accessible();
  });

  it('a storage server is down: the records found on the other are listed, and the down one is named', async () => {
    const patient = await person();
    const down = await downRelayUrl();
    await recordOn(url, patient);
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${`${url} ${down}`}></nip82-access-list>`);
    const said = await load(el, 'Unlock my records');
    expect(said).to.equal(`1 record loaded. Your records could not be checked on every storage server, so some may be missing here. ${down} could not be reached or did not answer. Load your records again to try again.`);
    expect($$(el, '[part=record]')).to.have.length(1);
    expect(buttonByText(el, 'Load your records again')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('the consent history with a storage server unread: not "nothing shared or answered yet", but that server', async () => {
    const patient = await person();
    const down = await downRelayUrl();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${`${url} ${down}`}></nip82-access-list>`);
    const said = await load(el, 'Show consent history');
    expect(said).not.to.contain('You have not shared anything');
    expect(said).to.contain(`${down} could not be reached or did not answer.`);
  });

  it('the only storage server is down: not "no records"', async () => {
    const patient = await person();
    const down = await downRelayUrl();
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${down}></nip82-access-list>`);
    const said = await load(el, 'Unlock my records');
    expect(said).to.equal(`Your records could not be checked on any storage server. ${down} could not be reached or did not answer. Load your records again to try again.`);
  });

  it('the words are the page\'s own to change', async () => {
    const patient = await person();
    const down = await downRelayUrl();
    const strings = { recordsUnchecked: () => 'Not everything was checked.', recordsRetry: 'Press "Load your records again".' };
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .strings=${strings} .signer=${patient.signer} relays=${down}></nip82-access-list>`);
    expect(await load(el, 'Unlock my records')).to.equal(`Not everything was checked. ${down} could not be reached or did not answer. Press "Load your records again".`);
  });

  it('each reason in its own words: a sign-in that did not complete, several servers, read ones left out', () => {
    const report = (relay: string, status: QueryReport['status'], signIn?: QueryReport['signIn']): QueryReport => ({ relay, status, signIn, events: 0 });
    const reports = [report('wss://a.example', 'complete'), report('wss://b.example', 'incomplete'), report('wss://c.example', 'auth-required', 'failed'),
      report('wss://d.example', 'timeout'), report('wss://e.example', 'closed'), report('wss://f.example', 'auth-required', 'declined'), report('wss://g.example', 'auth-required', 'declined')];
    expect(recordsUnchecked(reports, recordsStringsEn)).to.equal(
      'Your records could not be checked on every storage server, so some may be missing here. wss://f.example and wss://g.example asked you to sign in, and you did not. '
      + 'wss://c.example asked for a sign-in that did not complete. wss://d.example and wss://e.example could not be reached or did not answer. Load your records again to try again.');
    expect(recordsUnchecked(reports, recordsStringsEs)).to.equal(
      'No se pudieron revisar sus historiales en todos los servidores de almacenamiento, así que puede que falten algunos aquí. wss://f.example y wss://g.example pidieron que usted se identificara y usted no lo hizo. '
      + 'wss://c.example pidió que usted se identificara, pero no se pudo completar. No se pudo contactar con wss://d.example y wss://e.example, o no respondieron. Vuelva a cargar sus historiales para intentarlo de nuevo.');
    expect(recordsUnchecked(reports.slice(0, 2), recordsStringsEn), 'every server read').to.equal('');
  });

  it('in Spanish, with the sign-in refused', async () => {
    const patient = await person();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-access-list .signer=${decliningSignIn(patient.signer)} relays=${signIn}></nip82-access-list></div>`);
    const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => buttonByText(el, 'Desbloquear mis historiales'), 'Spanish words');
    const said = await load(el, 'Desbloquear mis historiales');
    expect(said).not.to.contain('Todavía no aparece en ningún historial.');
    expect(said).to.equal(`No se pudieron revisar sus historiales en ningún servidor de almacenamiento. ${signIn} pidió que usted se identificara y usted no lo hizo. Vuelva a cargar sus historiales para intentarlo de nuevo.`);
  });
});
