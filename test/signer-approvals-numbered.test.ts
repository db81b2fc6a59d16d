/**
 * Each signature, lock or unlock is an approval of its own in a signer extension: while one is
 * asked, the dialog says which approval of the action it is ("Approval 2"), before what it is for,
 * in the page's language.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import type { Signer } from '../components/core/signers/signer.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';
import { SignerError } from '../components/core/errors.js';


type Approval = 'signEvent' | 'nip44Encrypt' | 'nip44Decrypt';

/** `base`, noting what `el()`'s status line says at each call of `noted` it is asked for. */
function noting(base: Signer, el: () => { updateComplete: Promise<unknown> } | undefined, noted: readonly Approval[]) {
  const said: string[] = [];
  const note = async <T>(call: Approval, run: () => Promise<T>) => {
    if (noted.includes(call)) {
      await el()!.updateComplete;
      said.push(text($(el() as unknown as Element, '[role=status]')));
    }
    return run();
  };
  const signer: Signer = {
    getPublicKey: () => base.getPublicKey(),
    signEvent: (t) => note('signEvent', () => base.signEvent(t)),
    nip44Encrypt: (p, x) => note('nip44Encrypt', () => base.nip44Encrypt(p, x)),
    nip44Decrypt: (p, c) => note('nip44Decrypt', () => base.nip44Decrypt(p, c)),
  };
  return { signer, said };
}

describe('signer approvals are numbered while asked', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  async function patientRecord(patient: Person): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    await relay.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** `base`, noting what the dialog says at each approval it is asked for (its key is not one). */
  const watching = (base: Signer, el: () => Nip82ConsentPrompt | undefined) => noting(base, el, ['signEvent', 'nip44Encrypt', 'nip44Decrypt']);

  async function incomingRequest(patient: Person, clinician: Person): Promise<ConsentMessage> {
    const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
    await relay.client.publishAll(events);
    return (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
  }

  async function answer(lang: string, approve: boolean) {
    const patient = await person();
    const clinician = await person();
    const record = await patientRecord(patient);
    const request = await incomingRequest(patient, clinician);
    let el: Nip82ConsentPrompt | undefined;
    const { signer, said } = watching(patient.signer, () => el);
    el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" .request=${request} .records=${[record]} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el!).open, 'dialog opens');
    await el.updateComplete;
    if (approve) {
      buttonByText(el, /^(Review: approve|Revisar)/)!.click();
      await el.updateComplete;
      buttonByText(el, /^(Approve and share with|Aprobar y compartir con) npub1/)!.click();
    } else buttonByText(el, /^(Deny|Rechazar)$/)!.click();
    await waitUntil(() => el!.status === 'done', 'answered');
    return said;
  }

  it('deny: each of its approvals says its number and what it is for', async () => {
    const said = await answer('en', false);
    expect(said).to.deep.equal([1, 2, 3, 4].map((n) => `Waiting for your signer. Approval ${n} in your signer for this. Your signer will be asked 4 times, to sign your answer.`));
  });

  it('approve: the numbers run on from the share to the answer', async () => {
    const said = await answer('en', true);
    expect(said).to.deep.equal([1, 2, 3, 4, 5].map((n) => `Waiting for your signer. Approval ${n} in your signer for this. Your signer will be asked 5 times: once to sign the shared record, then for your answer.`));
  });

  it('in Spanish', async () => {
    const said = await answer('es', false);
    expect(said[1]).to.match(/^Esperando a su firmador\. Aprobación 2 en su firmador para esto\. /);
  });
});

describe('records unlocked one approval each say which one is at the signer', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  for (const lang of ['en', 'es']) {
    it(`the consent prompt's "Unlock my records" (${lang})`, async () => {
      const patient = await person();
      for (let i = 0; i < 3; i++) {
        await relay.client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
      }
      let el: Nip82ConsentPrompt | undefined;
      const { signer, said } = noting(patient.signer, () => el, ['nip44Decrypt']);
      el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
      await el.updateComplete;
      buttonByText(el, lang === 'en' ? 'Unlock my records' : /^Desbloquear/)!.click();
      await waitUntil(() => el!.status === 'done', 'loaded', { timeout: 20000 });
      expect(said).to.deep.equal(
        lang === 'en'
          ? [1, 2, 3].map((n) => `Waiting for your signer. Your signer will be asked to unlock each of your records and each one you shared (once each). Unlocking ${n} of 3.`)
          : [1, 2, 3].map((n) => `Esperando a su firmador. Su firmador le pedirá desbloquear cada uno de sus historiales y cada uno que usted compartió (una vez cada uno). Desbloqueando ${n} de 3.`),
      );
    });
  }

  it('the access list\'s "Unlock my records"', async () => {
    const patient = await person();
    for (let i = 0; i < 2; i++) {
      await relay.client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }));
    }
    let el: Nip82AccessList | undefined;
    const { signer, said } = noting(patient.signer, () => el, ['nip44Decrypt']);
    el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${signer} relays=${relay.url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el!.status === 'done', 'loaded', { timeout: 20000 });
    expect(said).to.deep.equal([1, 2].map((n) => `Waiting for your signer. Your signer will be asked to unlock each of your records and each one you shared (once each). Unlocking ${n} of 2.`));
  });

  /** `base`, refusing its `k`th approval (its key is no approval). */
  function refusingApproval(base: Signer, k: number): Signer {
    let n = 0;
    const gate = async <T>(run: () => Promise<T>) => {
      if (++n === k) throw new SignerError('refused', 'No.');
      return run();
    };
    return {
      getPublicKey: () => base.getPublicKey(),
      signEvent: (t) => gate(() => base.signEvent(t)),
      nip44Encrypt: (p, x) => gate(() => base.nip44Encrypt(p, x)),
      nip44Decrypt: (p, c) => gate(() => base.nip44Decrypt(p, c)),
    };
  }

  for (const [k, lang] of [[3, 'en'], [1, 'en'], [2, 'es']] as const) {
    it(`a denial declined at its approval ${k} (${lang}) says ${k > 1 ? 'which, and that trying again asks for each again' : 'only that it was declined'}`, async () => {
      const patient = await person();
      const clinician = await person();
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
      await relay.client.publishAll(events);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" .request=${incoming} .records=${[]} .signer=${refusingApproval(patient.signer, k)} relays=${relay.url}></nip82-consent-prompt>`);
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, /^(Deny|Rechazar)$/)!.click();
      await waitUntil(() => el.status === 'refused', 'declined');
      await el.updateComplete;
      expect(text($(el, '[role=status]'))).to.equal({
        3: 'Your signer declined. Nothing was shared or sent. You declined approval 3: the approvals before it are not used. To go ahead after all, try again; your signer will ask for each one again.',
        1: 'Your signer declined. Nothing was shared or sent.',
        2: 'Su firmador lo rechazó. No se compartió ni envió nada. Rechazó la aprobación 2: las aprobaciones anteriores no se usan. Para seguir adelante, vuelva a intentarlo; su firmador le pedirá cada una de nuevo.',
      }[k]);
    });
  }

  for (const lang of ['en', 'es']) {
    it(`reading requests (${lang}): each message is opened with two approvals, as the wait says`, async () => {
      const patient = await person();
      const clinician = await person();
      const { events } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
      await relay.client.publishAll(events);
      let el: Nip82ConsentPrompt | undefined;
      const { signer, said } = noting(patient.signer, () => el, ['nip44Decrypt']);
      el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
      await el.updateComplete;
      buttonByText(el, lang === 'en' ? 'Check for requests' : /^(Buscar|Comprobar|Ver)/)!.click();
      await waitUntil(() => el!.status === 'done' && !!$(el!, 'li.request button'), 'read', { timeout: 20000 });
      expect(said).to.deep.equal(Array(2).fill(lang === 'en'
        ? 'Waiting for your signer. Your signer will be asked to open your messages (two approvals per message).'
        : 'Esperando a su firmador. Su firmador le pedirá abrir sus mensajes (dos aprobaciones por mensaje).'));
    });
  }
});
