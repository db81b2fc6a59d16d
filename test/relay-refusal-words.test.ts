/**
 * A storage server that refuses what the patient sends is said to have refused in the kit's own
 * plain words, in the page's language, from the machine-readable prefix of its answer (NIP-01):
 * never the server's own text, which may be in another language, name the protocol's parts, or
 * say anything at all ("call this number"). The host still gets that text, as the server sent it,
 * in the receipts the elements dispatch, and a host's own words receive it too.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { ConsentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import type { Nip82Event } from '../components/shared/events.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayAcceptsOnly, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, receiptLines, tap, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** What a hostile server may write after its prefix, to reach the patient's consent screen. */
const HOSTILE = 'Your records are locked: call +1 555 0100 to unlock them';

const SHARE = {
  en: { open: 'Share records…', review: 'Review', share: /^Share with npub1/ },
  es: { open: 'Compartir historiales…', review: 'Revisar', share: /^Compartir con npub1/ },
} as const;

type Receipts = Nip82Event<'nip82-receipts'>['detail']['receipts'];

describe("a storage server's refusal is said in the kit's words, never in the server's", function () {
  this.timeout(60000);
  const picky = sharedRelayClient('picky');
  beforeEach(() => relayAcceptsOnly('picky', null));
  afterEach(() => relayAcceptsOnly('picky', null));

  async function patientRecord(patient: Person, participants: Participant[] = []): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await picky.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** Every receipt the element dispatches, from now on. */
  function receiptsOf(el: HTMLElement): Receipts {
    const seen: Receipts = [];
    el.addEventListener('nip82-receipts', (e) => seen.push(...(e as Nip82Event<'nip82-receipts'>).detail.receipts));
    return seen;
  }

  /** A share through the consent prompt on a page in `lang`, the only server refusing every event with `reason`. */
  async function refusedShare(lang: 'en' | 'es', reason: string, strings?: Partial<ConsentPromptStrings>) {
    const [patient, clinician] = [await person(), await person()];
    const record = await patientRecord(patient);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><nip82-consent-prompt .records=${[record]} .signer=${patient.signer} .strings=${strings} relays=${picky.url}></nip82-consent-prompt></div>`);
    const el = wrapper.firstElementChild as Nip82ConsentPrompt;
    const receipts = receiptsOf(el);
    const words = SHARE[lang];
    await waitUntil(() => buttonByText(el, words.open), 'the share button');
    await tap(buttonByText(el, words.open)!);
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    await typeRecipient(el, clinician.pubkey);
    await tap(buttonByText(el, words.review)!);
    await waitUntil(() => buttonByText(el, words.share), 'the preview');
    await relayAcceptsOnly('picky', 0, reason);
    await tap(buttonByText(el, words.share)!);
    await waitUntil(() => el.status === 'relay-error' && receipts.length > 0, 'the server refused', { timeout: 20000 });
    await el.updateComplete;
    return { el, receipts };
  }

  /** Nothing of the server's own text on screen, and all of it in what the host was given. */
  function serverTextOnlyForTheHost(el: HTMLElement, receipts: Receipts, reason: string) {
    const shown = text(dialogOf(el));
    expect(shown).not.to.contain('call +1 555');
    expect(shown).not.to.match(/blocked|rate-limited|pubkey|admitted|unlock/i);
    expect(receipts.length).to.be.greaterThan(0);
    for (const r of receipts) expect(r, 'the receipt keeps the server\'s text as it came').to.deep.include({ relay: picky.url, status: 'rejected', reason });
  }

  it('consent prompt (English): a "blocked:" refusal reads "refused: this server does not accept your account"', async () => {
    const reason = `blocked: pubkey not admitted. ${HOSTILE}`;
    const { el, receipts } = await refusedShare('en', reason);
    expect(receiptLines(el)).to.deep.equal([`${picky.url}: refused: this server does not accept your account`]);
    serverTextOnlyForTheHost(el, receipts, reason);
  });

  it('consent prompt (Spanish): a "rate-limited:" refusal reads in Spanish', async () => {
    const reason = `rate-limited: slow down. ${HOSTILE}`;
    const { el, receipts } = await refusedShare('es', reason);
    expect(receiptLines(el)).to.deep.equal([`${picky.url}: rechazado: demasiados mensajes, vuelva a intentarlo más tarde`]);
    serverTextOnlyForTheHost(el, receipts, reason);
  });

  it('consent prompt: a refusal without a prefix the kit knows reads "refused", and nothing more', async () => {
    const { el, receipts } = await refusedShare('en', HOSTILE);
    expect(receiptLines(el)).to.deep.equal([`${picky.url}: refused`]);
    serverTextOnlyForTheHost(el, receipts, HOSTILE);
  });

  it("a host's own words: receiptStatus still receives the server's text, and the kit's words for why, which refusedWhy rewords", async () => {
    const reason = `blocked: pubkey not admitted. ${HOSTILE}`;
    const strings: Partial<ConsentPromptStrings> = {
      receiptStatus: (status, _accepted, _total, raw, _signIn, _acceptedText, _totalText, why) => `${status} | ${raw ?? ''} | ${why ?? ''}`,
      refusedWhy: (kind) => `kind ${kind}`,
    };
    const { el } = await refusedShare('en', reason, strings);
    expect(receiptLines(el)).to.deep.equal([`${picky.url}: rejected | ${reason} | kind blocked`]);
  });

  for (const page of [
    { lang: 'en', confirm: (who: string) => `Revoke access for ${who}`, said: 'refused: this server does not allow it from your account' },
    { lang: 'es', confirm: (who: string) => `Revocar el acceso de ${who}`, said: 'rechazado: este servidor no lo permite desde su cuenta' },
  ] as const) {
    it(`access list (${page.lang}): a revocation's refusal is said in the kit's words, the server's text kept for the host`, async () => {
      const [patient, clinician] = [await person(), await person()];
      const record = await patientRecord(patient, [{ pubkey: clinician.pubkey, role: 'viewer' }]);
      // A relay that writes a generic prefix before the telling one: the telling one is said.
      const reason = `ERROR: restricted: ${HOSTILE}`;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${page.lang}><nip82-access-list .records=${[record]} .signer=${patient.signer} relays=${picky.url}></nip82-access-list></div>`);
      const el = wrapper.firstElementChild as Nip82AccessList;
      const receipts = receiptsOf(el);
      const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`);
      await waitUntil(() => revoke(), 'the clinician is listed');
      await tap(revoke()!);
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await relayAcceptsOnly('picky', 0, reason);
      await tap(buttonByText(el, page.confirm(shortNpub(clinician.pubkey)))!);
      await waitUntil(() => el.status === 'relay-error' && receipts.length > 0, 'the server refused', { timeout: 20000 });
      await el.updateComplete;
      expect(receiptLines(el)).to.deep.equal([`${picky.url}: ${page.said}`]);
      const shown = text(dialogOf(el));
      expect(shown).not.to.contain('call +1 555');
      expect(shown).not.to.match(/restricted|ERROR|unlock/);
      for (const r of receipts) expect(r).to.deep.include({ relay: picky.url, status: 'rejected', reason });
    });
  }
});
