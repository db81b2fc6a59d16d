/**
 * Someone passing for a clinic: a record whose signature does not hold is never headed with the
 * clinic's name; a stranger's self-chosen name always stands beside their short npub; a profile
 * name that carries a fingerprint, hidden characters, or reads as a name the portal vouches for
 * someone else by, is not shown as a name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { cleanName, hadInvisibleCharacters, shortNpub } from '../components/shared/identity.js';
import { person, profileEvent, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, dialogOf, root, text } from './element-helpers.js';

describe('names nobody can borrow', function () {
  this.timeout(60000);
  let patient: Person;
  let clinic: Person;
  let stranger: Person;

  const relay = sharedRelayClient();
  beforeEach(async () => {
    [patient, clinic, stranger] = await Promise.all([person(), person(), person()]);
  });

  /** A record `author` wrote for the patient, listing `participants`, opened back as the patient. */
  async function recordBy(author: Person, participants: Participant[] = []): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: author.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }, ...participants] });
    await relay.client.publishAll(events);
    return openRecord((await relay.client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
  }

  async function named(who: Person, name: string) {
    await relay.client.publishAll([await profileEvent(who, name)]);
  }

  async function listFor(records: OpenedRecord[], knownNames?: Record<string, string>) {
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${records} .signer=${patient.signer} relays=${relay.url} .knownNames=${knownNames}></nip82-access-list>`);
    await waitUntil(() => text(root(el)).includes('(you)'), 'knows who "you" are');
    return el;
  }

  const headings = (el: Element) => [...root(el).querySelectorAll('[part=record] h3')].map((h) => text(h));

  it('a record whose signature does not hold is headed with the short npub, not the clinic\'s name', async () => {
    await named(clinic, 'Harbor Clinic');
    // The stranger's seal names the clinic as the author, and the clinic's signature is not there.
    const forged: OpenedRecord = { ...(await recordBy(clinic, [{ pubkey: clinic.pubkey, role: 'viewer' }])), authorVerified: false };
    const el = await listFor([forged]);
    await waitUntil(() => text(root(el)).includes('Harbor Clinic'), 'the clinic\'s profile name is known');
    const [heading] = headings(el);
    expect(heading).not.to.contain('Harbor Clinic');
    expect(heading).to.contain(`from ${shortNpub(clinic.pubkey)}`);
  });

  it('a stranger\'s profile name heads their record beside their short npub; the portal\'s name alone', async () => {
    await named(stranger, 'Harbor Clinic');
    const theirs = await recordBy(stranger);
    const clinics = await recordBy(clinic);
    const el = await listFor([theirs, clinics], { [clinic.pubkey]: 'Lakeside Clinic' });
    await waitUntil(() => headings(el).some((h) => h.includes('Harbor Clinic')), 'the stranger\'s name is shown');
    const list = headings(el);
    expect(list.find((h) => h.includes('Harbor Clinic'))).to.contain(`from Harbor Clinic (${shortNpub(stranger.pubkey)}) ·`);
    expect(list.find((h) => h.includes('Lakeside Clinic'))).to.contain('from Lakeside Clinic ·');
  });

  it('the answer form\'s "Records from" names a stranger beside their short npub', async () => {
    await named(stranger, 'Harbor Clinic');
    const record = await recordBy(stranger);
    const { events, request: sent } = await createAccessRequest({ signer: clinic.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check' });
    await relay.client.publishAll(events);
    const request = (await readConsentMessages((await relay.client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === sent.id)!;
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .request=${request} .records=${[record]} .signer=${patient.signer} relays=${relay.url}></nip82-consent-prompt>`);
    $<HTMLButtonElement>(el, 'li.request button')!.click();
    await waitUntil(() => dialogOf(el).open && text($(el, '#records-from')).includes('Harbor Clinic'), 'the answer form names the records');
    expect(text($(el, '#records-from'))).to.contain(`Harbor Clinic (${shortNpub(stranger.pubkey)})`);
  });

  it('a profile name with a fingerprint in it, or reading as the portal\'s name for someone else (full-width, accented), is not shown', async () => {
    const [faker, lookalike, accented] = [stranger, await person(), await person()];
    await named(faker, `Harbor Clinic (${shortNpub(clinic.pubkey)})`);
    await named(lookalike, 'ＨＡＲＢＯＲ clinic');
    // An accent is missed at a glance, as the find fields miss it.
    await named(accented, 'Hárbor Clínic');
    const record = await recordBy(patient, [faker, lookalike, accented, clinic].map((p) => ({ pubkey: p.pubkey, role: 'viewer' as const })));
    const el = await listFor([record], { [clinic.pubkey]: 'Harbor Clinic' });
    const row = (p: Person) => text($(el, `[part=person][data-pubkey="${p.pubkey}"]`));
    await waitUntil(() => row(clinic).includes('Harbor Clinic'), 'the clinic is named');
    await waitUntil(() => [lookalike, accented].every((p) => (el as unknown as { names: Map<string, unknown> }).names.has(p.pubkey)), 'the profiles are read');
    await el.updateComplete;
    expect(row(faker)).not.to.contain('Harbor');
    expect(row(lookalike)).not.to.match(/harbor/i);
    expect(row(lookalike)).to.contain(shortNpub(lookalike.pubkey));
    expect(row(accented)).not.to.contain('Hárbor');
    expect(row(accented)).to.contain(shortNpub(accented.pubkey));
  });

  it('a profile name that spells the portal\'s name for someone else with look-alike letters of another script, or I for l, is not shown', async () => {
    const [cyrillic, greek, capitalI] = [stranger, await person(), await person()];
    await named(cyrillic, '\u041d\u0430rbor \u0421linic');
    await named(greek, '\u0397ARB\u039fR CLINIC');
    await named(capitalI, 'Harbor CIinic');
    const record = await recordBy(patient, [cyrillic, greek, capitalI, clinic].map((p) => ({ pubkey: p.pubkey, role: 'viewer' as const })));
    const el = await listFor([record], { [clinic.pubkey]: 'Harbor Clinic' });
    const row = (p: Person) => text($(el, `[part=person][data-pubkey="${p.pubkey}"]`));
    await waitUntil(() => row(clinic).includes('Harbor Clinic'), 'the clinic is named');
    await waitUntil(() => [cyrillic, greek, capitalI].every((p) => (el as unknown as { names: Map<string, unknown> }).names.has(p.pubkey)), 'the profiles are read');
    await el.updateComplete;
    for (const p of [cyrillic, greek, capitalI]) {
      expect(row(p)).not.to.match(/clinic|linic|LINIC/i);
      expect(row(p)).to.contain(shortNpub(p.pubkey));
    }
  });

  it('a name ending in blank letters or tag characters is cleaned, and the warning says so', async () => {
    for (const hidden of ['\u3164', '\u115F', '\u1160', '\u2028', '\u2029', '\u034F', '\u061C', '\u180E', '\u{E0041}\u{E007F}', '\uFE0F']) {
      expect(cleanName(`Harbor Clinic${hidden}`), JSON.stringify(hidden)).to.equal('Harbor Clinic');
      expect(hadInvisibleCharacters(`Harbor Clinic${hidden}`), JSON.stringify(hidden)).to.equal(true);
    }
    await named(stranger, 'Harbor Clinic\u3164\u{E0041}');
    const picker = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker relays=${relay.url} value=${stranger.pubkey}></nip82-npub-picker>`);
    await waitUntil(() => picker.shadowRoot?.querySelector('[part~=name]'), 'the profile is shown');
    expect(text(picker.shadowRoot!.querySelector('[part~=name]'))).to.equal('Harbor Clinic');
    expect(text(picker.shadowRoot!.querySelector('[part~=warning]'))).to.contain('hidden');
  });
});
