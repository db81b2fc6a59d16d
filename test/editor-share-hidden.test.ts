/**
 * A share to someone who may edit it, hiding items with the flag alone ("something was withheld"):
 * the editor, who holds the share's sign key and reads whatever its editors read, learns neither
 * which items nor how many were hidden. The patient's own screens still say the truth: that items
 * were hidden from them, and, sharing with them again, that which ones is not known here.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, sampleBundle, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, $$, buttonByText, dialogOf, itemRow, text, typeRecipient } from './element-helpers.js';
import { waitUntil } from './wait.js';

describe('a share to an editor hides which items were hidden', function () {
  this.timeout(90000);

  const relay = sharedRelayClient();

  /**
   * The patient's published record, their session with the access list loaded and the share
   * dialog open on `recipient`.
   */
  async function sharing(patient: Person, recipient: string) {
    const source = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
    await relay.client.publishAll(source);
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relay.url} .signer=${patient.signer}>
      <nip82-access-list></nip82-access-list>
      <nip82-consent-prompt mode="share"></nip82-consent-prompt>
    </nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    const prompt = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    await list.updateComplete;
    buttonByText(list, 'Unlock my records')!.click();
    await waitUntil(() => list.status === 'done', 'records loaded', { timeout: 20000 });
    buttonByText(prompt, 'Share records…')!.click();
    await waitUntil(() => dialogOf(prompt).open, 'dialog opens');
    await typeRecipient(prompt, recipient);
    return { source, list, prompt };
  }

  it('the editor cannot learn which or how many items were hidden; the patient is told that items were, and that which ones is not kept', async () => {
    const [patient, relative] = [await person(), await person()];
    const { source, list, prompt } = await sharing(patient, relative.pubkey);
    const hiddenUrls = (await openRecord(source, patient.signer)).bundle.entry!.filter((e) => /Chlamydia|Tetanus/.test(JSON.stringify(e.resource))).map((e) => e.fullUrl!);
    expect(hiddenUrls).to.have.length(2);

    // The patient shares as editor, hiding two items, the flag saying only that something was withheld.
    $<HTMLInputElement>(prompt, 'input[name=role][value=editor]')!.click();
    itemRow(prompt, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
    itemRow(prompt, 'Tetanus').querySelector<HTMLButtonElement>('button.hide')!.click();
    await prompt.updateComplete;
    buttonByText(prompt, 'Review')!.click();
    await prompt.updateComplete;
    const shared = oneEvent(prompt, 'nip82-share');
    buttonByText(prompt, /^Share with npub1/)!.click();
    expect((await shared).detail.role).to.equal('editor');

    // The editor opens the share with what an editor holds: nothing in it names or counts the hidden items.
    const events = (await relay.client.query({ kinds: [RECORD_KIND], '#p': [relative.pubkey] })).events;
    const opened = await openRecord(events, relative.signer);
    expect(opened.role).to.equal('editor');
    expect(opened.editorNote, 'the editor note the editor reads').to.equal(undefined);
    expect(opened.withheld).to.deep.equal({ disclose: 'flag' });
    const readable = JSON.stringify(opened.bundle);
    for (const hidden of [...hiddenUrls, 'Chlamydia', 'Tetanus']) expect(readable).not.to.contain(hidden);
    // And on their screen: the flag, with no number.
    const viewer = await fixture<Nip82RecordViewer>(html`<nip82-session relays=${relay.url} .signer=${relative.signer}><nip82-record-viewer naddr=${opened.naddrs[0]}></nip82-record-viewer></nip82-session>`).then((s) => s.querySelector<Nip82RecordViewer>('nip82-record-viewer')!);
    await waitUntil(() => buttonByText(viewer, 'Unlock this record'), 'viewer ready');
    buttonByText(viewer, 'Unlock this record')!.click();
    await waitUntil(() => viewer.status === 'done', 'the editor opened it', { timeout: 20000 });
    await viewer.updateComplete;
    const flag = $(viewer, 'nip82-hidden-flag')!;
    expect(text(flag.shadowRoot)).to.contain('withheld');
    expect(text(flag.shadowRoot)).not.to.match(/\d|two/i);
    expect(text(viewer.shadowRoot)).not.to.match(/Chlamydia|Tetanus/);

    // The patient's access list says items were hidden from them (how many, only as the flag says: unknown).
    const who = shortNpub(relative.pubkey);
    await waitUntil(() => $$(list, '[part=share] .hid').some((p) => text(p).includes(who)), 'the share is listed', { timeout: 20000 });
    expect($$(list, '[part=share] .hid').map((p) => text(p))).to.include(`You hid some items from ${who}.`);

    // Sharing with them again: the items do not start hidden, and the form says why, not nothing.
    const closed = new Promise((r) => dialogOf(prompt).addEventListener('close', r, { once: true }));
    buttonByText(prompt, 'Close')!.click();
    await closed;
    buttonByText(prompt, 'Share records…')!.click();
    await waitUntil(() => dialogOf(prompt).open, 'dialog opens again');
    await typeRecipient(prompt, relative.pubkey);
    await waitUntil(() => $(prompt, '.hidden-unlisted'), 'the form speaks of the items hidden before');
    expect(text($(prompt, '.hidden-unlisted'))).to.equal(
      `You hid items from ${who} before, in a share they can edit. Which ones is not kept, since they could read it, so nothing starts hidden: check that nothing you hid from them is shared now.`,
    );
    expect($(prompt, '.hidden-before')).to.equal(null);
  });

  it('a share to a viewer still keeps which items were hidden, for the patient alone: they start hidden when sharing with them again', async () => {
    const [patient, clinician] = [await person(), await person()];
    const { prompt } = await sharing(patient, clinician.pubkey);
    itemRow(prompt, 'Chlamydia').querySelector<HTMLButtonElement>('button.hide')!.click();
    await prompt.updateComplete;
    buttonByText(prompt, 'Review')!.click();
    await prompt.updateComplete;
    const shared = oneEvent(prompt, 'nip82-share');
    buttonByText(prompt, /^Share with npub1/)!.click();
    await shared;
    const events = (await relay.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events;
    expect((await openRecord(events, clinician.signer)).editorNote, 'a viewer reads no editor note').to.equal(undefined);

    const closed = new Promise((r) => dialogOf(prompt).addEventListener('close', r, { once: true }));
    buttonByText(prompt, 'Close')!.click();
    await closed;
    buttonByText(prompt, 'Share records…')!.click();
    await waitUntil(() => dialogOf(prompt).open, 'dialog opens again');
    await typeRecipient(prompt, clinician.pubkey);
    await waitUntil(() => $(prompt, '.hidden-before'), 'the item hidden before starts hidden');
    expect(text($(prompt, '.hidden-before'))).to.equal(`1 item you hid from ${shortNpub(clinician.pubkey)} before starts hidden.`);
    expect($(prompt, '.hidden-unlisted')).to.equal(null);
  });
});
