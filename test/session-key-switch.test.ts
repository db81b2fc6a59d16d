/**
 * A shared computer: the first person signed in through an extension that holds several accounts,
 * and the extension is switched to the next person's account without a sign-out. Whatever that
 * person does next (save, print, open a dialog that lists records, or sign), nothing of the first
 * person is shown, saved or sent, the page says why in plain words, and the bar names who is in.
 * The extension is asked for the key once at most per action, never on a focus alone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { fakeExtension } from './fake-extension.js';
import { runRemoteSigner } from './remote-signer.js';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { $, $$, buttonByText, dialogOf, statusFollowsLanguage, text, typeRecipient } from './element-helpers.js';
import { stateStringsEn } from '../components/shared/state-strings.js';
import { stateStringsEs } from '../components/shared/state-strings.es.js';

const ANOTHER_ACCOUNT = 'Your signer is now using another account.';
const live = (el: Element) => text(el.shadowRoot!.querySelector('[role=status]'));

describe('a key switched in the extension without a sign-out', function () {
  this.timeout(120000);
  let relays: string[];
  let hospital: Person;
  let clinic: Person;

  before(async () => {
    relays = [await relayUrl('main')];
    hospital = await person();
    clinic = await person();
  });

  afterEach(() => {
    delete (window as { nostr?: unknown }).nostr;
  });

  /** The hospital's record of `patient`, and the clinic's request to them. */
  async function seed(patient: string): Promise<void> {
    const client = new RelayClient({ relays });
    try {
      await client.publishAll(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient)}`), author: hospital.signer, participants: [{ pubkey: patient, role: 'editor' }] }));
      const { events } = await createAccessRequest({ signer: clinic.signer, patient, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up', days: 30 });
      await client.publishAll(events);
    } finally {
      client.close();
    }
  }

  /** Two people with records; the first signed in through the extension, their records unlocked. */
  async function firstSignedIn() {
    const [a, b] = [await person(), await person()];
    await seed(a.pubkey);
    await seed(b.pubkey);
    const ext = fakeExtension(a.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}>
      <nip82-record-viewer></nip82-record-viewer>
      <nip82-consent-prompt mode="share"></nip82-consent-prompt>
      <nip82-consent-prompt mode="answer"></nip82-consent-prompt>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'signed in');
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    const [share, answer] = [...session.querySelectorAll('nip82-consent-prompt')] as Nip82ConsentPrompt[];
    const access = session.querySelector('nip82-access-list') as Nip82AccessList;
    const all = [viewer, share!, answer!, access];
    await Promise.all(all.map((e) => e.updateComplete));
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    await Promise.all(all.map((e) => e.updateComplete));
    expect($$(viewer, 'article[part=record]')).to.have.length(1);
    return { a, b, ext, session, viewer, share: share!, answer: answer!, access, all };
  }

  /** The user switches accounts in the extension's own window, then comes back to the page. */
  function switchAway(ext: ReturnType<typeof fakeExtension>, to: Person): void {
    ext.use(to.signer);
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
  }

  /** The bar names `who`, and only them. */
  function barNames(session: Nip82Session, who: Person, notWho: Person): void {
    const bar = text($(session, '[part=bar]'));
    expect(bar).to.contain(shortNpub(who.pubkey));
    expect(bar).not.to.contain(shortNpub(notWho.pubkey));
  }

  /**
   * After an action on the last person's records: waits until the page found the switch to `next`
   * (or the action went ahead), then checks the action did nothing (`done`, what it did, stays 0)
   * and the viewer, emptied of the last person's records, says why.
   */
  async function switchFound(p: { session: Nip82Session; viewer: Nip82RecordViewer }, next: Person, done: () => number, what: string, timeout?: number): Promise<void> {
    await waitUntil(() => done() > 0 || p.session.pubkey === next.pubkey, `${what}, or the switch found`, timeout ? { timeout } : undefined);
    expect(done(), `${what} for the next person`).to.equal(0);
    await waitUntil(() => live(p.viewer).includes(ANOTHER_ACCOUNT), 'the viewer says why', { timeout: 20000 });
    expect($$(p.viewer, 'article[part=record]')).to.have.length(0);
  }

  /** The extension's key question held open until `answer()` (the user has not answered yet); `questions()` counts them. */
  function holdKeyQuestion(ext: ReturnType<typeof fakeExtension>) {
    let questions = 0;
    let answer = () => {};
    const original = ext.provider.getPublicKey;
    ext.provider.getPublicKey = () => {
      questions++;
      return new Promise<string>((resolve) => { answer = () => void original().then(resolve); });
    };
    return { answer: () => answer(), questions: () => questions };
  }

  /** Saves made by the page (a link with `download` clicked), instead of files. */
  function catchDownloads() {
    const saved: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) saved.push(this.download);
      else click.call(this);
    };
    return { saved, restore: () => { HTMLAnchorElement.prototype.click = click; } };
  }

  it('Download after the focus came back: the same person gets the file after one key question; the next person gets nothing of the last', async () => {
    const { a, b, ext, session, viewer, access } = await firstSignedIn();
    const downloads = catchDownloads();
    try {
      // Back on the page, same account: one question, then the file.
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      let asked = ext.keyQuestions();
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(() => downloads.saved.length === 1, 'saved for the same person');
      expect(ext.keyQuestions(), 'key questions to save, same person').to.equal(asked + 1);
      expect(session.pubkey).to.equal(a.pubkey);
      // Saved again with no focus in between: nothing asked.
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(() => downloads.saved.length === 2, 'saved again');
      expect(ext.keyQuestions()).to.equal(asked + 1);

      // Another account now: the records on screen are not theirs to save.
      switchAway(ext, b);
      asked = ext.keyQuestions();
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await switchFound({ session, viewer }, b, () => downloads.saved.length - 2, 'saved');
      expect(ext.keyQuestions(), 'key questions to save, after the switch').to.equal(asked + 1);
      await session.updateComplete;
      barNames(session, b, a);
      expect(text($(session, '[part=status]'))).to.contain(ANOTHER_ACCOUNT);
      expect($$(access, '[part=record]')).to.have.length(0);
    } finally {
      downloads.restore();
    }
  });

  it('the viewer\'s word that the signer uses another account follows the page\'s language', async () => {
    const { b, ext, session, viewer } = await firstSignedIn();
    const downloads = catchDownloads();
    try {
      switchAway(ext, b);
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await switchFound({ session, viewer }, b, () => downloads.saved.length, 'saved');
      await viewer.updateComplete;
      await statusFollowsLanguage(session, viewer, { en: stateStringsEn.accountChanged, es: stateStringsEs.accountChanged }, { en: 'Unlock my records', es: 'Desbloquear mis historiales' }, '[role=status]');
    } finally {
      downloads.restore();
    }
  });

  it('back to this tab with no focus event (a tab switch): the switch itself asks nothing; the next Download asks once and saves nothing of the last person', async () => {
    const { a, b, ext, session, viewer } = await firstSignedIn();
    const downloads = catchDownloads();
    try {
      expect(document.visibilityState, 'the test page is shown').to.equal('visible');
      ext.use(b.signer);
      const asked = ext.keyQuestions();
      // The tab is shown again; the element's window gets no focus event.
      document.dispatchEvent(new Event('visibilitychange'));
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await switchFound({ session, viewer }, b, () => downloads.saved.length, 'saved');
      expect(ext.keyQuestions(), 'key questions: the download\'s only').to.equal(asked + 1);
      await session.updateComplete;
      barNames(session, b, a);
    } finally {
      downloads.restore();
    }
  });

  it('Download pressed twice while the key question is open: one question, and nothing of the last person is saved', async () => {
    const { b, ext, session, viewer } = await firstSignedIn();
    const downloads = catchDownloads();
    try {
      switchAway(ext, b);
      const held = holdKeyQuestion(ext);
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(() => viewer.status === 'waiting-signer', 'the key asked');
      // Pressed again with no focus change in between (a double click; the prompt did not take the focus).
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      held.answer();
      await switchFound({ session, viewer }, b, () => downloads.saved.length, 'saved', 20000);
      expect(held.questions(), 'key questions for both presses').to.equal(1);
    } finally {
      downloads.restore();
    }
  });

  it('Download pressed twice while the key question is open, same person: one question, both saves, and the viewer does not stay waiting', async () => {
    const { a, ext, session, viewer } = await firstSignedIn();
    const downloads = catchDownloads();
    try {
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
      const shown = live(viewer);
      const held = holdKeyQuestion(ext);
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(() => viewer.status === 'waiting-signer', 'the key asked');
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      held.answer();
      await waitUntil(() => downloads.saved.length === 2, 'saved for both presses');
      await viewer.updateComplete;
      expect(held.questions(), 'key questions for both presses').to.equal(1);
      expect(viewer.status).to.equal('done');
      expect(live(viewer)).to.equal(shown);
      expect(session.pubkey).to.equal(a.pubkey);
    } finally {
      downloads.restore();
    }
  });

  it('the key question refused, then Download pressed again: the key is asked again, and nothing of the last person is saved', async () => {
    const { b, ext, session, viewer } = await firstSignedIn();
    const downloads = catchDownloads();
    try {
      switchAway(ext, b);
      const original = ext.provider.getPublicKey;
      ext.provider.getPublicKey = () => Promise.reject(new Error('User rejected.'));
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(() => viewer.status === 'refused', 'refused');
      expect(downloads.saved, 'saved at a refused key question').to.have.length(0);
      // The user thinks again and presses Download once more, with no focus in between.
      ext.provider.getPublicKey = original;
      const asked = ext.keyQuestions();
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await switchFound({ session, viewer }, b, () => downloads.saved.length, 'saved after a refused key question', 20000);
      expect(ext.keyQuestions(), 'key questions at the second press').to.equal(asked + 1);
    } finally {
      downloads.restore();
    }
  });

  it('Print after a switch and a focus: nothing of the last person is printed', async () => {
    const { a, b, ext, session, viewer } = await firstSignedIn();
    const print = window.print;
    let printed = 0;
    window.print = () => { printed++; };
    try {
      switchAway(ext, b);
      const asked = ext.keyQuestions();
      $<HTMLButtonElement>(viewer, 'button.print')!.click();
      await switchFound({ session, viewer }, b, () => printed, 'printed');
      expect(ext.keyQuestions()).to.equal(asked + 1);
      await session.updateComplete;
      barNames(session, b, a);
    } finally {
      window.print = print;
    }
  });

  it('opening Share, an answer or the consent history after a switch and a focus shows nothing of the last person', async () => {
    const { a, b, ext, session, viewer, share, answer, access, all } = await firstSignedIn();
    buttonByText(answer, 'Check for requests')!.click();
    await waitUntil(() => $$(answer, 'li.request').length === 1, 'the first person\'s request listed', { timeout: 20000 });

    switchAway(ext, b);
    let asked = ext.keyQuestions();
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open || session.pubkey === b.pubkey, 'opened, or the switch found');
    await Promise.all(all.map((e) => e.updateComplete));
    expect(dialogOf(share).open, 'the share dialog with the last person\'s records').to.equal(false);
    expect(text(share.shadowRoot)).not.to.contain('Penicillin');
    await waitUntil(() => live(share).includes(ANOTHER_ACCOUNT), 'the share element says why');
    expect(ext.keyQuestions(), 'key questions to open Share').to.equal(asked + 1);
    expect($$(answer, 'li.request'), 'the last person\'s requests').to.have.length(0);
    await session.updateComplete;
    barNames(session, b, a);

    // The next person unlocks and opens Share for themselves: their key was just asked, so nothing is asked again.
    asked = ext.keyQuestions();
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'the next person\'s records unlocked', { timeout: 20000 });
    await share.updateComplete;
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'their share dialog');
    expect(ext.keyQuestions()).to.equal(asked);
    dialogOf(share).close();
    await share.updateComplete;

    // The answer dialog: the next person checks their requests, and the first person comes back.
    buttonByText(answer, 'Check for requests')!.click();
    await waitUntil(() => $$(answer, 'li.request').length === 1, 'the next person\'s request listed', { timeout: 20000 });
    switchAway(ext, a);
    asked = ext.keyQuestions();
    $$(answer, 'li.request')[0]!.querySelector('button')!.click();
    await waitUntil(() => dialogOf(answer).open || session.pubkey === a.pubkey, 'opened, or the switch found');
    await Promise.all(all.map((e) => e.updateComplete));
    expect(dialogOf(answer).open, 'the answer dialog of the last person').to.equal(false);
    await waitUntil(() => live(answer).includes(ANOTHER_ACCOUNT), 'the answer element says why');
    expect(ext.keyQuestions(), 'key questions to open an answer').to.equal(asked + 1);
    expect($$(answer, 'li.request')).to.have.length(0);

    // The consent history, after yet another switch: the history read is the one of who is in now.
    switchAway(ext, b);
    asked = ext.keyQuestions();
    buttonByText(access, 'Show consent history')!.click();
    await waitUntil(() => session.pubkey === b.pubkey && access.status === 'done', 'history for who is in now', { timeout: 20000 });
    expect(ext.keyQuestions(), 'key questions to show the history').to.equal(asked + 1);
    const list = (access as unknown as { list?: { reader: string }[] }).list ?? [];
    expect(list.every((r) => r.reader === b.pubkey)).to.equal(true);
  });

  /** The first person fills in a share to a clinician and reaches its last step. */
  async function shareReady(share: Nip82ConsentPrompt, clinician: Person): Promise<void> {
    buttonByText(share, 'Share records…')!.click();
    await waitUntil(() => dialogOf(share).open, 'share dialog');
    await typeRecipient(share, clinician.pubkey);
    buttonByText(share, 'Review')!.click();
    await share.updateComplete;
  }

  /** Whatever went out to the relays that names `clinician` or is signed by `b`. */
  async function sentFor(clinician: Person, b: Person): Promise<number> {
    const client = new RelayClient({ relays });
    try {
      const [tagged, byB] = await Promise.all([client.query({ '#p': [clinician.pubkey] }), client.query({ authors: [b.pubkey] })]);
      return tagged.events.length + byB.events.length;
    } finally {
      client.close();
    }
  }

  /** After Share met the other account: nothing sent, the dialog closed, the words said, the bar updated. */
  async function closedAndSaid(p: Pick<Awaited<ReturnType<typeof firstSignedIn>>, 'a' | 'b' | 'session' | 'share' | 'viewer' | 'all'> & { ext?: { keyQuestions: () => number } }, clinician: Person, outcome: { shared: boolean; asked: number }): Promise<void> {
    const { a, b, ext, session, share, viewer, all } = p;
    await waitUntil(() => session.pubkey === b.pubkey || share.status === 'bad-data', 'the switch found, or bad data shown', { timeout: 20000 });
    await Promise.all([session, ...all].map((e) => e.updateComplete));
    expect(text(share.shadowRoot)).not.to.contain('could not be used');
    expect(session.pubkey).to.equal(b.pubkey);
    expect(dialogOf(share).open, 'the last person\'s share dialog').to.equal(false);
    expect(live(share)).to.contain(ANOTHER_ACCOUNT);
    expect(text($(session, '[part=status]'))).to.contain(ANOTHER_ACCOUNT);
    barNames(session, b, a);
    expect($$(viewer, 'article[part=record]')).to.have.length(0);
    expect(outcome.shared).to.equal(false);
    if (ext) expect(ext.keyQuestions() - outcome.asked, 'key questions in this action').to.be.at.most(1);
    expect(await sentFor(clinician, b), 'events sent').to.equal(0);
  }

  it('Share confirmed after a switch and a focus: nothing is published, the dialog closes and says why, the bar names who is in', async () => {
    const p = await firstSignedIn();
    const clinician = await person();
    await shareReady(p.share, clinician);
    switchAway(p.ext, p.b);
    const outcome = { shared: false, asked: p.ext.keyQuestions() };
    p.share.addEventListener('nip82-share', () => { outcome.shared = true; });
    buttonByText(p.share, /^Share with /)!.click();
    await closedAndSaid(p, clinician, outcome);
  });

  it('the key question refused as Share is confirmed, then Download pressed: the key is asked again, and nothing of the last person is saved', async () => {
    const p = await firstSignedIn();
    const clinician = await person();
    await shareReady(p.share, clinician);
    switchAway(p.ext, p.b);
    const original = p.ext.provider.getPublicKey;
    p.ext.provider.getPublicKey = () => Promise.reject(new Error('User rejected.'));
    buttonByText(p.share, /^Share with /)!.click();
    await waitUntil(() => p.share.status === 'refused', 'refused');
    p.ext.provider.getPublicKey = original;
    const downloads = catchDownloads();
    try {
      const asked = p.ext.keyQuestions();
      $<HTMLButtonElement>(p.viewer, 'button.export')!.click();
      await switchFound(p, p.b, () => downloads.saved.length, 'saved after a refused key question', 20000);
      expect(p.ext.keyQuestions(), 'key questions to save').to.equal(asked + 1);
    } finally {
      downloads.restore();
    }
    expect(await sentFor(clinician, p.b), 'events sent').to.equal(0);
  });

  /**
   * Two people with records; the first signed in through the extension, their records unlocked in
   * a viewer with relays of its own (a store of its own, with the session's signer), and saved once.
   */
  async function ownRelaysViewerUnlocked(downloads: ReturnType<typeof catchDownloads>) {
    const [a, b] = [await person(), await person()];
    await seed(a.pubkey);
    await seed(b.pubkey);
    const ext = fakeExtension(a.signer);
    (window as { nostr?: Nip07Provider }).nostr = ext.provider;
    const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}>
      <nip82-record-viewer relays=${relays.join(' ')}></nip82-record-viewer>
      <nip82-consent-prompt mode="share"></nip82-consent-prompt>
      <nip82-access-list></nip82-access-list>
    </nip82-session>`);
    await waitUntil(() => { const x = buttonByText(session, /browser extension/); return !!x && !x.disabled; }, 'the extension offered');
    buttonByText(session, /browser extension/)!.click();
    await waitUntil(() => session.pubkey === a.pubkey, 'signed in');
    const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
    const share = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
    const access = session.querySelector('nip82-access-list') as Nip82AccessList;
    await Promise.all([viewer.updateComplete, share.updateComplete, access.updateComplete]);
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
    $<HTMLButtonElement>(viewer, 'button.export')!.click();
    await waitUntil(() => downloads.saved.length === 1, 'the first person saved their record');
    return { a, b, ext, session, viewer, share, access, first: downloads.saved[0]! };
  }

  /** The viewer shows nothing of the last person; the next one unlocks and saves their own record, never the last one's. */
  async function viewerStartsOver(viewer: Nip82RecordViewer, downloads: ReturnType<typeof catchDownloads>, first: string) {
    expect($$(viewer, 'article[part=record]').length, 'the last person\'s records on the viewer').to.equal(0);
    expect(!!$(viewer, 'button.export'), 'a Download button of the last person\'s').to.equal(false);
    buttonByText(viewer, 'Unlock my records')!.click();
    await waitUntil(() => viewer.status === 'done' && $$(viewer, 'article[part=record]').length === 1, 'the next person\'s record', { timeout: 20000 });
    const before = downloads.saved.length;
    $<HTMLButtonElement>(viewer, 'button.export')!.click();
    await waitUntil(() => downloads.saved.length === before + 1, 'the next person saved their record');
    expect(downloads.saved[before], 'the record saved for the next person').not.to.equal(first);
  }

  it('a viewer with relays of its own inside the session: once a Share meets the other account, the viewer shows and saves nothing of the last person; the next one unlocks their own', async () => {
    const downloads = catchDownloads();
    try {
      const { b, ext, session, viewer, share, first } = await ownRelaysViewerUnlocked(downloads);
      buttonByText(share, 'Unlock my records')!.click();
      await waitUntil(() => buttonByText(share, 'Share records…'), 'loaded', { timeout: 20000 });
      buttonByText(share, 'Share records…')!.click();
      await waitUntil(() => dialogOf(share).open, 'share dialog');
      const clinician = await person();
      await typeRecipient(share, clinician.pubkey);
      buttonByText(share, 'Review')!.click();
      await share.updateComplete;
      // Switched in the extension's own window with no focus to tell: the share is signed by the other account.
      ext.use(b.signer);
      buttonByText(share, /^Share with /)!.click();
      await waitUntil(() => session.pubkey === b.pubkey, 'the switch found', { timeout: 20000 });
      await viewer.updateComplete;
      await viewerStartsOver(viewer, downloads, first);
    } finally {
      downloads.restore();
    }
  });

  it('a viewer with relays of its own, off the page while the session meets the other account: put back, it shows and saves nothing of the last person', async () => {
    const downloads = catchDownloads();
    try {
      const { b, ext, session, viewer, access, first } = await ownRelaysViewerUnlocked(downloads);
      // A page that keeps a hidden route alive takes the viewer out; meanwhile the extension is
      // switched and the next person's first action (the history) finds the other account.
      viewer.remove();
      switchAway(ext, b);
      buttonByText(access, 'Show consent history')!.click();
      await waitUntil(() => session.pubkey === b.pubkey, 'the switch found', { timeout: 20000 });
      session.prepend(viewer);
      await viewer.updateComplete;
      await viewerStartsOver(viewer, downloads, first);
    } finally {
      downloads.restore();
    }
  });

  it('a viewer with relays of its own meets the other account first: the session closes the last person\'s records too, and its other elements save nothing of them', async () => {
    const downloads = catchDownloads();
    try {
      const { a, b, ext, session, viewer, first } = await ownRelaysViewerUnlocked(downloads);
      const other = document.createElement('nip82-record-viewer') as Nip82RecordViewer;
      session.append(other);
      await other.updateComplete;
      buttonByText(other, 'Unlock my records')!.click();
      await waitUntil(() => other.status === 'done' && $$(other, 'article[part=record]').length === 1, 'the session\'s viewer unlocked', { timeout: 20000 });
      switchAway(ext, b);
      // Download in the viewer with relays of its own: the key question finds the other account there.
      $<HTMLButtonElement>(viewer, 'button.export')!.click();
      await waitUntil(() => live(viewer).includes(ANOTHER_ACCOUNT), 'the viewer says why', { timeout: 20000 });
      await waitUntil(() => session.pubkey === b.pubkey, 'the session names the next person', { timeout: 20000 });
      await other.updateComplete;
      expect($$(other, 'article[part=record]').length, 'the last person\'s records on the session\'s viewer').to.equal(0);
      expect(!!$(other, 'button.export'), 'a Download button of the last person\'s').to.equal(false);
      expect(downloads.saved, 'nothing saved for the next person').to.have.length(1);
      await session.updateComplete;
      barNames(session, b, a);
      await viewerStartsOver(viewer, downloads, first);
    } finally {
      downloads.restore();
    }
  });

  it('Share after a switch with no focus to tell: nothing is published, the dialog closes and says why, the bar names who is in', async () => {
    const p = await firstSignedIn();
    const clinician = await person();
    await shareReady(p.share, clinician);
    // Switched in a popup that never took the page's focus.
    p.ext.use(p.b.signer);
    const outcome = { shared: false, asked: p.ext.keyQuestions() };
    p.share.addEventListener('nip82-share', () => { outcome.shared = true; });
    buttonByText(p.share, /^Share with /)!.click();
    await closedAndSaid(p, clinician, outcome);
  });

  it('a switch with no focus, and the signer will not say who is in now: nothing is published, and nobody stays signed in', async () => {
    const p = await firstSignedIn();
    const clinician = await person();
    await shareReady(p.share, clinician);
    p.ext.use(p.b.signer);
    // The next person says no when asked which account is in use.
    p.ext.provider.getPublicKey = () => Promise.reject(new Error('User denied.'));
    let shared = false;
    p.share.addEventListener('nip82-share', () => { shared = true; });
    buttonByText(p.share, /^Share with /)!.click();
    await waitUntil(() => !p.session.pubkey || p.share.status === 'bad-data', 'signed out, or bad data shown', { timeout: 20000 });
    await Promise.all([p.session, ...p.all].map((e) => e.updateComplete));
    expect(p.session.pubkey).to.equal(undefined);
    expect(dialogOf(p.share).open).to.equal(false);
    expect(live(p.share)).to.contain(ANOTHER_ACCOUNT);
    await waitUntil(() => text($(p.session, '[part=status]')).includes(ANOTHER_ACCOUNT), 'the session says why');
    expect(buttonByText(p.session, /browser extension/), 'the way to sign in').to.not.equal(undefined);
    expect(text($(p.session, '[part=bar]'))).not.to.contain(shortNpub(p.a.pubkey));
    expect($$(p.viewer, 'article[part=record]')).to.have.length(0);
    expect(shared).to.equal(false);
    expect(await sentFor(clinician, p.b)).to.equal(0);
  });

  it('a switch while the share\'s signature waits at the extension: nothing is published, the dialog closes and says why', async () => {
    const p = await firstSignedIn();
    const clinician = await person();
    await shareReady(p.share, clinician);
    const outcome = { shared: false, asked: p.ext.keyQuestions() };
    p.share.addEventListener('nip82-share', () => { outcome.shared = true; });
    p.ext.holdSigning();
    const signed = p.ext.calls.signEvent ?? 0;
    buttonByText(p.share, /^Share with /)!.click();
    await waitUntil(() => (p.ext.calls.signEvent ?? 0) > signed, 'a signature asked');
    expect(p.share.status).to.equal('waiting-signer');
    // The user switches accounts in the extension, then answers the prompt.
    p.ext.use(p.b.signer);
    p.ext.release();
    await closedAndSaid(p, clinician, outcome);
  });

  it('a remote signer whose user switches accounts in the app: the share is signed by the other key, nothing is published, and the bar names who is in', async () => {
    const relay = relays[0]!;
    const [aKey, bKey] = [generateSecretKey(), generateSecretKey()];
    const a = { pubkey: getPublicKey(aKey) } as Person;
    const b = { pubkey: getPublicKey(bKey) } as Person;
    await seed(a.pubkey);
    const app = runRemoteSigner(relay, generateSecretKey(), aKey);
    try {
      await app.ready;
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}>
        <nip82-record-viewer></nip82-record-viewer>
        <nip82-consent-prompt mode="share"></nip82-consent-prompt>
      </nip82-session>`);
      const field = $<HTMLInputElement>(session, 'input[name="bunker"]')!;
      field.value = `bunker://${app.pubkey}?relay=${encodeURIComponent(relay)}`;
      field.dispatchEvent(new Event('input'));
      await session.updateComplete;
      $<HTMLFormElement>(session, 'form')!.requestSubmit();
      await waitUntil(() => session.pubkey === a.pubkey, 'signed in through the remote signer', { timeout: 20000 });
      const viewer = session.querySelector('nip82-record-viewer') as Nip82RecordViewer;
      const share = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
      const all = [viewer, share];
      await Promise.all(all.map((e) => e.updateComplete));
      buttonByText(viewer, 'Unlock my records')!.click();
      await waitUntil(() => viewer.status === 'done', 'unlocked', { timeout: 20000 });
      await share.updateComplete;
      const clinician = await person();
      await shareReady(share, clinician);
      const outcome = { shared: false, asked: 0 };
      share.addEventListener('nip82-share', () => { outcome.shared = true; });
      app.useKey(bKey);
      buttonByText(share, /^Share with /)!.click();
      await closedAndSaid({ a, b, session, share, viewer, all }, clinician, outcome);
      await session.signOut();
    } finally {
      app.close();
    }
  });
});
