/**
 * Names, not npubs, at every consent moment: the portal's own directory (`knownNames`, on the
 * session or on the element) names the people a patient shares with, answers, lists and revokes,
 * also on a private clinic relay where they have no profile. The portal's name comes before any
 * profile name (self-chosen, so it never displaces the portal's), always with the short npub beside it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82NpubPicker } from '../components/npub-picker/npub-picker.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, receivedRequest, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, accessibleName, buttonByText, dialogOf, text } from './element-helpers.js';

describe('names the portal knows, at every consent moment', function () {
  this.timeout(60000);
  let patient: Person;
  let clinic: Person;

  const relay = sharedRelayClient();
  beforeEach(async () => {
    [patient, clinic] = await Promise.all([person(), person()]);
  });

  /** The patient's own record listing `participants`, published and opened back from the relay. */
  async function publishedRecord(participants: Participant[]): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await relay.client.publishAll(events);
    return openRecord((await relay.client.query({ kinds: [RECORD_KIND], authors: [events[0]!.pubkey] })).events, patient.signer);
  }

  /** `element` inside a session signed in as the patient, the session naming people by `names`. */
  async function inSession<T extends HTMLElement>(element: ReturnType<typeof html>, names: Record<string, string>, tag: string): Promise<T> {
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay.url} no-controls .signer=${patient.signer} .knownNames=${names}>${element}</nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'the patient is signed in');
    const el = session.querySelector(tag) as T & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    return el;
  }

  /** The share dialog's picker, once it shows the chosen person. */
  async function chosenInPicker(el: Nip82ConsentPrompt): Promise<Nip82NpubPicker> {
    $<HTMLButtonElement>(el, 'button[data-trigger]')!.click();
    await waitUntil(() => dialogOf(el).open, 'the dialog opens');
    const picker = $<Nip82NpubPicker>(el, 'nip82-npub-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('[part~=fingerprint]'), 'the picker shows the chosen person');
    return picker;
  }

  /** The words of the share's confirm control, once the preview shows it. */
  async function confirmWords(el: Nip82ConsentPrompt): Promise<string> {
    buttonByText(el, 'Review')!.click();
    await waitUntil(() => buttonByText(el, /^Share with /), 'the preview');
    return text(buttonByText(el, /^Share with /));
  }

  const pickerPart = (picker: Element, part: string) => text(picker.shadowRoot!.querySelector(`[part~=${part}]`));

  it('a share inside a session names a recipient with no profile by the session\'s name, the short npub beside it', async () => {
    const record = await publishedRecord([]);
    const el = await inSession<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt mode="share" .records=${[record]} recipient=${clinic.pubkey}></nip82-consent-prompt>`,
      { [clinic.pubkey]: 'Lakeside Clinic' }, 'nip82-consent-prompt');
    const picker = await chosenInPicker(el);
    expect(pickerPart(picker, 'name')).to.equal('Lakeside Clinic');
    expect(pickerPart(picker, 'fingerprint')).to.contain(shortNpub(clinic.pubkey));
    // The portal vouches for the name: no "no profile found, check the key another way" beside it.
    await waitUntil(() => !text(picker.shadowRoot).includes('Looking for their profile'), 'the profile lookup ends');
    expect(text(picker.shadowRoot)).not.to.contain('No profile found');
    expect(await confirmWords(el)).to.equal(`Share with Lakeside Clinic (${shortNpub(clinic.pubkey)})`);
  });

  it('an element\'s own names win over the session\'s, and the picker inside the prompt takes them too', async () => {
    const record = await publishedRecord([]);
    const el = await inSession<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt mode="share" .records=${[record]} recipient=${clinic.pubkey} .knownNames=${{ [clinic.pubkey]: 'Dr Ana Ruiz' }}></nip82-consent-prompt>`,
      { [clinic.pubkey]: 'Lakeside Clinic' }, 'nip82-consent-prompt');
    const picker = await chosenInPicker(el);
    expect(pickerPart(picker, 'name')).to.equal('Dr Ana Ruiz');
    expect(await confirmWords(el)).to.equal(`Share with Dr Ana Ruiz (${shortNpub(clinic.pubkey)})`);
  });

  it('a relay profile name for the same key does not displace the portal\'s name', async () => {
    // Anyone may publish a profile under their key naming themselves anything; the portal's directory is what it vouches for.
    await relay.client.publishAll([await clinic.signer.signEvent({ kind: 0, created_at: Math.floor(Date.now() / 1000), tags: [], content: JSON.stringify({ name: 'Totally Real Hospital', nip05: 'desk@example.org' }) })]);
    const record = await publishedRecord([]);
    const el = await inSession<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt mode="share" .records=${[record]} recipient=${clinic.pubkey}></nip82-consent-prompt>`,
      { [clinic.pubkey]: 'Lakeside Clinic' }, 'nip82-consent-prompt');
    const picker = await chosenInPicker(el);
    // The profile arrived (its NIP-05 claim shows), and still the portal's name is the one shown.
    await waitUntil(() => picker.shadowRoot!.querySelector('[part~=nip05]'), 'the relay profile arrives');
    expect(pickerPart(picker, 'name')).to.equal('Lakeside Clinic');
    expect(text(picker.shadowRoot)).not.to.contain('Totally Real Hospital');
    expect(await confirmWords(el)).to.equal(`Share with Lakeside Clinic (${shortNpub(clinic.pubkey)})`);
  });

  it('a request to answer names who asks by the session\'s name, in the list and in the dialog', async () => {
    const request = await receivedRequest(relay.client, patient, clinic);
    const el = await inSession<Nip82ConsentPrompt>(
      html`<nip82-consent-prompt mode="answer" .request=${request}></nip82-consent-prompt>`,
      { [clinic.pubkey]: 'Lakeside Clinic' }, 'nip82-consent-prompt');
    await waitUntil(() => $(el, 'li.request'), 'the request is listed');
    expect(text($(el, 'li.request'))).to.contain(`Lakeside Clinic (${shortNpub(clinic.pubkey)})`);
    buttonByText(el, 'Review and answer')!.click();
    await waitUntil(() => dialogOf(el).open, 'the answer dialog opens');
    expect(text($(el, 'dialog [part=recipient] dd'))).to.equal(`Lakeside Clinic ${shortNpub(clinic.pubkey)}`);
    // Denied: the outcome and the consent history name the clinic too.
    buttonByText(el, 'Deny')!.click();
    await waitUntil(() => $(el, '#result-title'), 'the answer went out', { timeout: 20000 });
    expect(text($(el, '#result-title'))).to.equal(`Denied. Lakeside Clinic (${shortNpub(clinic.pubkey)}) has been told.`);
    buttonByText(el, 'Close')?.click();
    await waitUntil(() => $(el, 'table.history tbody tr'), 'the consent history lists the answer');
    expect(text($(el, 'table.history tbody tr td:nth-child(2)'))).to.equal(`Lakeside Clinic (${shortNpub(clinic.pubkey)})`);
  });

  it('a sign-out leaves the portal\'s names in place: they are the portal\'s, not the user\'s', async () => {
    const record = await publishedRecord([{ pubkey: clinic.pubkey, role: 'viewer' }]);
    const names = { [clinic.pubkey]: 'Dr Ana Ruiz' };
    const el = await inSession<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .knownNames=${names}></nip82-access-list>`, { [clinic.pubkey]: 'Lakeside Clinic' }, 'nip82-access-list');
    const session = el.closest('nip82-session') as Nip82Session;
    await session.signOut();
    await waitUntil(() => !session.pubkey, 'signed out');
    await el.updateComplete;
    expect({ own: el.knownNames, session: session.knownNames }).to.deep.equal({ own: names, session: { [clinic.pubkey]: 'Lakeside Clinic' } });
  });

  it('the picker on its own offers the people the portal names by their names, and finds them by a part of it', async () => {
    const other = await person();
    const picker = await fixture<Nip82NpubPicker>(html`<nip82-npub-picker .recent=${[clinic.pubkey, other.pubkey]} .knownNames=${{ [clinic.pubkey]: 'Lakeside Clinic' }}></nip82-npub-picker>`);
    const field = picker.shadowRoot!.querySelector<HTMLInputElement>('#input')!;
    field.value = 'lakes';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => picker.shadowRoot!.querySelectorAll('[part=option]').length === 1, 'only the clinic is offered');
    const option = picker.shadowRoot!.querySelector<HTMLElement>('[part=option]')!;
    expect(text(option)).to.contain(`Lakeside Clinic ${shortNpub(clinic.pubkey)}`);
    option.click();
    await waitUntil(() => picker.value === clinic.pubkey, 'the clinic is chosen');
    expect(pickerPart(picker, 'name')).to.equal('Lakeside Clinic');
  });

  it('the access list names the person in their row and in the revoke confirmation; its own names win over the session\'s', async () => {
    const record = await publishedRecord([{ pubkey: clinic.pubkey, role: 'viewer' }]);
    const el = await inSession<Nip82AccessList>(
      html`<nip82-access-list .records=${[record]}></nip82-access-list>`,
      { [clinic.pubkey]: 'Lakeside Clinic' }, 'nip82-access-list');
    const row = () => $(el, `[part=person][data-pubkey="${clinic.pubkey}"]`)!;
    await waitUntil(() => $(el, `[part=person][data-pubkey="${clinic.pubkey}"]`), 'the clinic is listed');
    expect(text(row())).to.contain(`Lakeside Clinic ${shortNpub(clinic.pubkey)}`);
    const revoke = row().querySelector<HTMLButtonElement>('button.revoke')!;
    expect(accessibleName(revoke)).to.equal(`Revoke access for Lakeside Clinic (${shortNpub(clinic.pubkey)})`);
    revoke.click();
    await waitUntil(() => dialogOf(el).open, 'the revoke dialog opens');
    expect(text($(el, '#dialog-title'))).to.equal(`Revoke access for Lakeside Clinic (${shortNpub(clinic.pubkey)})?`);
    buttonByText(el, 'Cancel')!.click();
    await waitUntil(() => !dialogOf(el).open, 'the dialog closes');

    el.knownNames = { [clinic.pubkey]: 'Dr Ana Ruiz' };
    await waitUntil(() => text(row()).includes('Dr Ana Ruiz'), 'the element\'s own name is shown');
    expect(text(row())).not.to.contain('Lakeside Clinic');
  });
});
