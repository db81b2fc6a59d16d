/**
 * End to end, as people would use the kit: a patient, a clinician and a family member, each in
 * their own <nip82-session>, on real relays. Share with a hidden item → the clinician's viewer
 * shows the flag; request → approve → the clinician's viewer opens it; revoke → the family
 * member's viewer no longer opens the new version.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { KIT_PERMISSIONS } from '../components/core/signers/bunker.js';
import type { Signer } from '../components/core/signers/signer.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, buttonByText, dialogOf, itemRow, text, typeRecipient } from './element-helpers.js';

describe('flows across elements, three people, real relays', function () {
  this.timeout(60000);
  let relays: string[];
  let patient: Person;
  let clinician: Person;
  let family: Person;

  before(async () => {
    relays = [await relayUrl('main'), await relayUrl('second')];
    patient = await person();
    clinician = await person();
    family = await person();
  });

  /** One person's page: a session with the given elements inside. */
  async function page<T extends HTMLElement>(who: { signer: Signer; pubkey: string }, inner: ReturnType<typeof html>, tag: string): Promise<T> {
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')} .signer=${who.signer}>${inner}</nip82-session>`);
    await waitUntil(() => session.pubkey === who.pubkey, 'signed in');
    const el = session.querySelector(tag) as T & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    return el;
  }

  async function unlockAll(viewer: Nip82RecordViewer): Promise<string> {
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => ['done', 'bad-data', 'relay-error'].includes(viewer.status), 'unlocked', { timeout: 20000 });
    await viewer.updateComplete;
    return text(viewer.shadowRoot);
  }

  async function patientRecord(participants: { pubkey: string; role: 'viewer' | 'editor' }[] = []): Promise<OpenedRecord> {
    const client = new RelayClient({ relays });
    try {
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
      await client.publishAll(events);
      return openRecord(events, patient.signer);
    } finally {
      client.close();
    }
  }

  it('share with a hidden item → the clinician unlocks it and sees the flag, not the item', async () => {
    const record = await patientRecord();
    const prompt = await page<Nip82ConsentPrompt>(patient, html`<nip82-consent-prompt mode="share" .records=${[record]}></nip82-consent-prompt>`, 'nip82-consent-prompt');
    buttonByText(prompt, 'Share records…')!.click();
    await waitUntil(() => dialogOf(prompt).open, 'dialog opens');
    await typeRecipient(prompt, clinician.pubkey);
    itemRow(prompt, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
    await prompt.updateComplete;
    buttonByText(prompt, 'Review')!.click();
    await prompt.updateComplete;
    const shared = oneEvent(prompt, 'nip82-share');
    buttonByText(prompt, /^Share with npub1/)!.click();
    expect((await shared).detail.hidden).to.equal(1);

    const viewer = await page<Nip82RecordViewer>(clinician, html`<nip82-record-viewer></nip82-record-viewer>`, 'nip82-record-viewer');
    const shown = await unlockAll(viewer);
    expect(viewer.status).to.equal('done');
    expect(shown).to.contain('Penicillin');
    expect(shown).not.to.contain('Chlamydia');
    const flag = $(viewer, 'nip82-hidden-flag')!;
    expect(flag).to.exist;
    expect(text(flag.shadowRoot)).to.contain('withheld');
    await expect(viewer).to.be.accessible();
  });

  it('request → approve → the clinician unlocks exactly what was granted', async () => {
    const record = await patientRecord();
    const clinic = new RelayClient({ relays });
    const ehr = await person(); // a second clinician, so earlier shares do not mix in
    try {
      const { events } = await createAccessRequest({ signer: ehr.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Pre-operative assessment', days: 14 });
      await clinic.publishAll(events);
    } finally {
      clinic.close();
    }
    const prompt = await page<Nip82ConsentPrompt>(patient, html`<nip82-consent-prompt mode="answer" .records=${[record]}></nip82-consent-prompt>`, 'nip82-consent-prompt');
    buttonByText(prompt, 'Check for requests')!.click();
    await waitUntil(() => prompt.status === 'done', 'requests read', { timeout: 20000 });
    await prompt.updateComplete;
    const mine = [...prompt.shadowRoot!.querySelectorAll('li.request')].find((li) => text(li).includes('allerg'))!;
    mine.querySelector('button')!.click();
    await waitUntil(() => dialogOf(prompt).open, 'dialog opens');
    await prompt.updateComplete;
    const answered = oneEvent(prompt, 'nip82-answer');
    buttonByText(prompt, /^Review: approve/)!.click();
    await prompt.updateComplete;
    buttonByText(prompt, /^Approve and share with /)!.click();
    expect((await answered).detail.decision).to.equal('active');

    const viewer = await page<Nip82RecordViewer>(ehr, html`<nip82-record-viewer></nip82-record-viewer>`, 'nip82-record-viewer');
    const shown = await unlockAll(viewer);
    expect(shown).to.contain('Penicillin');
    expect(shown).not.to.contain('Chlamydia');
    expect(shown).not.to.contain('Tetanus');
  });

  it('every kind the patient\'s signer signs to create, share and approve is among the permissions the sign-in code asks for', async () => {
    // The patient's signer, noting the kind of every event it is asked to sign.
    const kinds = new Set<string>();
    const noting: Signer = { ...patient.signer, signEvent: (t) => (kinds.add(`sign_event:${t.kind}`), patient.signer.signEvent(t)) };
    const me = { ...patient, signer: noting };
    const client = new RelayClient({ relays });
    let record: OpenedRecord;
    const ehr = await person();
    try {
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: noting, participants: [] });
      await client.publishAll(events);
      record = await openRecord(events, noting);
      await client.publishAll((await createAccessRequest({ signer: ehr.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 14 })).events);
    } finally {
      client.close();
    }
    const share = await page<Nip82ConsentPrompt>(me, html`<nip82-consent-prompt mode="share" .records=${[record]}></nip82-consent-prompt>`, 'nip82-consent-prompt');
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'dialog opens');
    await typeRecipient(share, clinician.pubkey);
    buttonByText(share, 'Review')!.click();
    await share.updateComplete;
    const shared = oneEvent(share, 'nip82-share');
    buttonByText(share, /^Share with npub1/)!.click();
    await shared;
    const answer = await page<Nip82ConsentPrompt>(me, html`<nip82-consent-prompt mode="answer" .records=${[record]}></nip82-consent-prompt>`, 'nip82-consent-prompt');
    buttonByText(answer, 'Check for requests')!.click();
    await waitUntil(() => $(answer, 'li.request') !== null, 'request listed', { timeout: 20000 });
    $(answer, 'li.request button')!.click();
    await waitUntil(() => dialogOf(answer).open, 'dialog opens');
    await answer.updateComplete;
    const answered = oneEvent(answer, 'nip82-answer');
    buttonByText(answer, /^Review: approve/)!.click();
    await answer.updateComplete;
    buttonByText(answer, /^Approve and share with /)!.click();
    await answered;
    expect(kinds.size, 'events were signed').to.be.greaterThan(1);
    expect([...kinds].filter((k) => !KIT_PERMISSIONS.includes(k)), 'signed without having asked for it').to.deep.equal([]);
  });

  it('revoke → the family member\'s viewer no longer opens the new version; the clinician\'s still does', async () => {
    const record = await patientRecord([{ pubkey: family.pubkey, role: 'viewer' }, { pubkey: clinician.pubkey, role: 'viewer' }]);
    const before = await page<Nip82RecordViewer>(family, html`<nip82-record-viewer naddr=${record.naddrs[0]}></nip82-record-viewer>`, 'nip82-record-viewer');
    buttonByText(before, 'Unlock this record')!.click();
    await waitUntil(() => before.status === 'done', 'family opened it');

    const list = await page<Nip82AccessList>(patient, html`<nip82-access-list .records=${[record]}></nip82-access-list>`, 'nip82-access-list');
    list.shadowRoot!.querySelector<HTMLButtonElement>(`[part=person][data-pubkey="${family.pubkey}"] button.revoke`)!.click();
    await waitUntil(() => dialogOf(list).open, 'confirmation opens');
    await list.updateComplete;
    expect(text(dialogOf(list))).to.contain('cannot be taken back');
    const revoked = oneEvent(list, 'nip82-revoke');
    buttonByText(list, /^Revoke access for npub1/)!.click();
    expect((await revoked).detail.pubkey).to.equal(family.pubkey);

    // A fresh page for the family member (a new session, no cached key) sees no access.
    const after = await page<Nip82RecordViewer>(family, html`<nip82-record-viewer naddr=${record.naddrs[0]}></nip82-record-viewer>`, 'nip82-record-viewer');
    buttonByText(after, 'Unlock this record')!.click();
    await waitUntil(() => after.status !== 'waiting-signer' && after.status !== 'working' && after.status !== 'idle', 'tried', { timeout: 20000 });
    await after.updateComplete;
    expect(text(after.shadowRoot)).not.to.contain('Penicillin');
    expect(text(after.shadowRoot)).to.match(/not shared with the account you are signed in with|not listed|revoked/i);
    await expect(after).to.be.accessible();

    const still = await page<Nip82RecordViewer>(clinician, html`<nip82-record-viewer naddr=${record.naddrs[0]}></nip82-record-viewer>`, 'nip82-record-viewer');
    buttonByText(still, 'Unlock this record')!.click();
    await waitUntil(() => still.status === 'done', 'clinician still opens it', { timeout: 20000 });
    await still.updateComplete;
    expect(text(still.shadowRoot)).to.contain('Penicillin');
  });
});
