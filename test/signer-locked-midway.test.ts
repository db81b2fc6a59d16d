/**
 * An extension that locks itself partway through one action (its own timer, mid-answer) rejects the
 * k-th approval, with a plain object rather than an Error as some extensions do. The action is all or
 * nothing: nothing reaches the requester, and the patient is told both that the extension is locked
 * and that nothing was shared or sent, as with every other stop at the signer.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { shortNpub } from '../components/shared/identity.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { nip07Signer, type Nip07Provider } from '../components/core/signers/nip07.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';

/** `who`'s extension, which locks itself at its `k`th approval (its key is no approval) and answers `locked()`. */
function lockingAt(who: Person, k: number, locked: () => unknown): Nip07Provider {
  let n = 0;
  const gate = async <T>(run: () => Promise<T>) => {
    if (++n >= k) throw locked();
    return run();
  };
  return {
    getPublicKey: () => Promise.resolve(who.pubkey),
    signEvent: (t) => gate(() => who.signer.signEvent(t)),
    nip44: { encrypt: (p, x) => gate(() => who.signer.nip44Encrypt(p, x)), decrypt: (p, c) => gate(() => who.signer.nip44Decrypt(p, c)) },
  };
}

describe('an extension that locks itself partway through an answer', function () {
  this.timeout(60000);
  const relay = sharedRelayClient();

  for (const [lang, said] of [
    ['en', /^Your browser extension is locked\..*Nothing was shared or sent/],
    ['es', /^Su extensión del navegador está bloqueada\..*No se compartió ni envió nada/],
  ] as const) {
    it(`<nip82-consent-prompt> (${lang}): a denial locked at its approval 3 sends nothing and says so`, async () => {
      const patient = await person();
      const clinician = await person();
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
      await relay.client.publishAll(events);
      const incoming = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
      const extension = lockingAt(patient, 3, () => ({ message: 'Vault is locked' }));
      const before = (await relay.client.wrapsFor(clinician.pubkey)).events.length;
      const signer = nip07Signer({ provider: () => extension, waitMs: 0 });
      const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt lang=${lang} mode="answer" .request=${incoming} .records=${[]} .signer=${signer} relays=${relay.url}></nip82-consent-prompt>`);
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'li.request button')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, /^(Deny|Rechazar)$/)!.click();
      await waitUntil(() => !['idle', 'working', 'waiting-signer'].includes(el.status), 'the answer never ended', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '[role=status]'))).to.match(said);
      expect(el.status).to.equal('no-signer');
      expect((await relay.client.wrapsFor(clinician.pubkey)).events.length, 'messages to the requester').to.equal(before);
    });
  }

  it('<nip82-access-list>: revoking an editor, locked at approval 3 of the notices to those who stay, changes nothing and says so', async () => {
    const [patient, clinician, family, nurse] = [await person(), await person(), await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [
      { pubkey: clinician.pubkey, role: 'editor' }, { pubkey: family.pubkey, role: 'viewer' }, { pubkey: nurse.pubkey, role: 'viewer' },
    ] });
    await relay.client.publishAll(events);
    const record = await openRecord(events, patient.signer);
    const before = (await relay.client.wrapsFor(family.pubkey)).events.length + (await relay.client.wrapsFor(nurse.pubkey)).events.length;
    const extension = lockingAt(patient, 3, () => 'Vault is locked');
    const signer = nip07Signer({ provider: () => extension, waitMs: 0 });
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${signer} relays=${relay.url}></nip82-access-list>`);
    const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`);
    await waitUntil(() => revoke(), 'the editor is listed');
    revoke()!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await el.updateComplete;
    buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!.click();
    await waitUntil(() => !['idle', 'working', 'waiting-signer'].includes(el.status), 'the revocation never ended', { timeout: 20000 });
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.equal('Your browser extension is locked. Unlock it, then try again. Nothing was changed.');
    expect(el.status).to.equal('no-signer');
    const after = (await relay.client.wrapsFor(family.pubkey)).events.length + (await relay.client.wrapsFor(nurse.pubkey)).events.length;
    expect(after, 'notices sent to those who stay').to.equal(before);
  });
});
