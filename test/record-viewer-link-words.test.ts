/**
 * A clinician opens a link to a record a patient sent. Links are passed on by mail, chat and web
 * pages: one cut across two lines by a mail, or inside a web address, still opens the record; one
 * cut short, or to something that is not a health record, and one to a record that is not (or no
 * longer) on the page's storage servers, are each said in plain words with whom to ask, in English
 * and Spanish, and the signer is never asked to unlock anything for them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { naddrEncode } from 'nostr-tools/nip19';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import '../components/record-viewer/define.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Signer } from '../components/core/signers/signer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { loadLanguage } from '../components/index.js';
import { $, buttonByText, text } from './element-helpers.js';
import { waitUntil } from './wait.js';
import { counting, person, publishTo, relayUrl, sampleBundle } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';

describe('<nip82-record-viewer naddr>: links as people pass them on', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  /** A patient's record shared with a clinic: its link, and the clinic. */
  async function shared(to = relay.url) {
    const patient = await person();
    const clinic = await person();
    const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] });
    if (to === relay.url) await relay.client.publishAll(events);
    else await publishTo(to, events);
    const held = await openRecord(events, clinic.signer);
    return { clinic, held, link: held.naddrs[0]! };
  }

  /** The clinic's viewer given `naddr`, unlocked, once it has said how it went. */
  async function opened(naddr: string, signer: Signer, lang = 'en') {
    if (lang === 'es') await loadLanguage('es');
    const el = await fixture<Nip82RecordViewer>(html`<nip82-record-viewer lang=${lang} audience="clinician" relays=${relay.url} naddr=${naddr} .signer=${signer}></nip82-record-viewer>`);
    buttonByText(el, lang === 'es' ? /^Desbloquear/ : /^Unlock/)!.click();
    await waitUntil(() => el.status !== 'idle' && el.status !== 'waiting-signer' && el.status !== 'working', 'the viewer says how it went', { timeout: 20000 });
    await el.updateComplete;
    return el;
  }

  it('a link cut across two lines, or inside a web address, opens the record', async () => {
    const { clinic, link } = await shared();
    for (const passed of [`${link.slice(0, 60)}\n${link.slice(60)}`, `https://clinic.example/records#${link}`]) {
      const el = await opened(passed, clinic.signer);
      expect(text($(el, '[part=status]')), JSON.stringify(passed)).to.equal('1 record unlocked.');
      expect(text(el.shadowRoot)).to.contain('Penicillin');
    }
  });

  it('a link cut short, or to something that is not a health record, says whom to ask, asking the signer nothing', async () => {
    const { clinic, held, link } = await shared();
    const notRecord = naddrEncode({ kind: 30023, pubkey: held.signPubkey, identifier: 'x' });
    const signer = counting(clinic.signer);
    for (const passed of [link.slice(0, -10), notRecord]) {
      const el = await opened(passed, signer);
      expect(text($(el, '[part=status]')), passed).to.equal('This link does not lead to a health record: it may be cut short or copied wrongly. Ask whoever sent it to send it again.');
    }
    const es = await opened(link.slice(0, -10), signer, 'es');
    await waitUntil(() => text($(es, '[part=status]')).startsWith('Este enlace'), 'said in Spanish');
    expect(text($(es, '[part=status]'))).to.equal('Este enlace no lleva a un historial de salud: puede estar incompleto o mal copiado. Pida a quien se lo envió que se lo vuelva a enviar.');
    expect(signer.calls.nip44Decrypt ?? 0, 'nothing unlocked').to.equal(0);
  });

  it('opened while signed in with another account: the reason names the account, and the signer unlocks nothing', async () => {
    const { link } = await shared();
    const other = counting((await person()).signer);
    const el = await opened(link, other);
    await waitUntil(() => $(el, '.failures'), 'the reason is given');
    expect(text($(el, '[part=status]'))).to.equal('1 record could not be opened:');
    expect(text($(el, '.failures .details'))).to.equal('The record is not shared with the account you are signed in with (never shared with it, or access was taken back).');
    expect(other.calls.nip44Decrypt ?? 0, 'nothing unlocked').to.equal(0);
  });

  it('a record that is not on the page\'s storage servers (never made, or kept elsewhere) is said as that one record, with whom to ask', async () => {
    const elsewhere = await relayUrl('second');
    const { clinic, held } = await shared(elsewhere);
    // Its link names the server it is kept on: the page reads only its own.
    const hinted = naddrEncode({ kind: 32225, pubkey: held.signPubkey, identifier: held.identifiers[0]!, relays: [elsewhere] });
    const never = naddrEncode({ kind: 32225, pubkey: getPublicKey(generateSecretKey()), identifier: 'x' });
    const signer = counting(clinic.signer);
    for (const passed of [hinted, never]) {
      const el = await opened(passed, signer);
      expect(text($(el, '[part=status]'))).to.equal('This record was not found. It may have been deleted, or be kept on a storage server this page does not use: ask whoever shared it with you.');
    }
    const es = await opened(never, signer, 'es');
    await waitUntil(() => text($(es, '[part=status]')).startsWith('No se encontró este'), 'said in Spanish');
    expect(text($(es, '[part=status]'))).to.equal('No se encontró este historial. Puede que se haya borrado o que esté en un servidor de almacenamiento que esta página no usa: pregunte a quien lo compartió con usted.');
    expect(signer.calls.nip44Decrypt ?? 0, 'nothing unlocked').to.equal(0);
  });
});
