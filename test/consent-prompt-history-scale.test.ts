/**
 * A clinic's or a long-time patient's consent history: hundreds of answers over hundreds of shares.
 * Each answer's row says whether the access it gave was revoked since, from the shares it made: the
 * shares are read once for the whole history, as the prompt asks of every row with one list, never
 * once per row (each answer against every share). Counted in reads of the shares' addresses, not
 * time: the same on a slow machine as on a fast one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { answerShares, revokedAt } from '../components/core/store/answer-share.js';
import type { ShareCopy } from '../components/core/store/share-copies.js';
import type { RecordStore } from '../components/core/store/record-store.js';
import { answerRequest, type ConsentMessage } from '../components/core/nip82/requests.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { naddrsOf } from '../components/consent-prompt/naddrs.js';
import { person, receivedRequest, relayUrl, sampleBundle } from './helpers.js';
import { $$, buttonByText, isoDay, text } from './element-helpers.js';

/** Share `i`, of the record at address `naddr i`, revoked or in force, made at second `i`; its addresses read through `count`. */
function shareOf(i: number, status: ShareCopy['status'], count: () => void): ShareCopy {
  const record = { createdAt: 1_700_000_000 + i };
  Object.defineProperty(record, 'naddrs', { get: () => (count(), [`naddr ${i}`]) });
  return { record, status } as unknown as ShareCopy;
}

/** An approval (or a denial) of the records at the addresses of shares `of`. */
const answerOf = (of: number[], status: 'active' | 'rejected' = 'active') => ({ id: of.join(), status, records: of.map((i) => `naddr ${i}`) }) as unknown as ConsentMessage;

describe('the consent history at scale: each answer\'s shares', function () {
  this.timeout(90000);

  it('reads 1,000 shares once for a history of 1,000 answers, not once per answer', () => {
    let reads = 0;
    // Every third share revoked since.
    const shares = [...Array(1000)].map((_, i) => shareOf(i, i % 3 === 0 ? 'revoked' : 'active', () => reads++));
    // Each answer made one share, the last one two (one revoked, one not); one denial among them.
    const history = [...[...Array(998)].map((_, i) => answerOf([i])), answerOf([998, 999]), answerOf([3], 'rejected')];
    const sharesOf = answerShares(shares);
    const days = history.map((answer) => revokedAt(sharesOf(answer)));

    // Still right: a revoked share's answer says when; one still in force, a denial, or one of two revoked, not.
    expect(days[0]).to.equal(1_700_000_000);
    expect(days[3]).to.equal(1_700_000_003);
    expect(days[1]).to.equal(undefined);
    expect(days[998], 'one of its two shares revoked').to.equal(undefined);
    expect(days[999], 'a denial').to.equal(undefined);
    expect(sharesOf(history[998]!).map((s) => s.record.createdAt)).to.deep.equal([1_700_000_998, 1_700_000_999]);
    // Each answer against every share would be a million reads.
    expect(reads, `${reads} reads of the shares' addresses`).to.be.at.most(1000 + 1);
  });

  it('reads a new list of shares anew: a share revoked since is told', () => {
    const answer = answerOf([0]);
    const before = [shareOf(0, 'active', () => {})];
    expect(revokedAt(answerShares(before)(answer))).to.equal(undefined);
    // The next render's list: the same share, revoked now.
    const after = [shareOf(0, 'revoked', () => {})];
    expect(revokedAt(answerShares(after)(answer))).to.equal(1_700_000_000);
    expect(answerShares([])(answer)).to.deep.equal([]);
  });

  it('the prompt asks for the shares the patient made once per render, not once per answer listed', async () => {
    const url = await relayUrl('main');
    const [patient, hospital] = await Promise.all([person(), person()]);
    const clinics = await Promise.all([...Array(8)].map(() => person()));
    const made = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
    const record = await openRecord(made, patient.signer);
    const until = isoDay(30);
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(made);
      // One share, to the first clinic, revoked since; each of eight clinics' requests approved with it.
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinics[0]!.pubkey, role: 'viewer', until, purpose: 'Referral' }));
      const shared = await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinics[0]!.pubkey, role: 'viewer' }] });
      await client.publishAll(shared);
      for (const clinic of clinics) {
        const request = await receivedRequest(client, patient, clinic);
        await client.publishAll((await answerRequest(request, { signer: patient.signer, decision: 'active', records: naddrsOf(shared), until })).events);
      }
      await client.publishAll((await revokeAccess(await openRecord(shared, patient.signer), clinics[0]!.pubkey)).events);
    } finally {
      client.close();
    }

    const session = await fixture<Nip82Session>(html`<nip82-session relays=${url} .signer=${patient.signer}>
      <nip82-access-list lang="en"></nip82-access-list><nip82-consent-prompt lang="en" mode="answer"></nip82-consent-prompt></nip82-session>`);
    await waitUntil(() => session.pubkey === patient.pubkey, 'signed in');
    const list = session.querySelector<Nip82AccessList>('nip82-access-list')!;
    await list.updateComplete;
    buttonByText(list, 'Unlock my records')!.click();
    await waitUntil(() => list.status === 'done', 'records loaded', { timeout: 30000 });
    const prompt = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
    buttonByText(prompt, 'Check for requests')!.click();
    await waitUntil(() => $$(prompt, 'table.history tbody tr').length === 8, 'the history', { timeout: 30000 });
    await prompt.updateComplete;
    const today = dayText(Math.floor(Date.now() / 1000), 'en');
    expect($$(prompt, 'table.history tbody td:nth-child(3)').map((td) => text(td))).to.deep.equal([...Array(8)].map(() => `approved; revoked on ${today}`));

    // Each time the store is asked for the shares, it lists every record anew and reads them.
    const store = (session as unknown as { value?: { store?: RecordStore } }).value!.store!;
    const shares = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(store), 'shares')!.get!;
    let asked = 0;
    Object.defineProperty(store, 'shares', { configurable: true, get: () => (asked++, shares.call(store)) });
    try {
      prompt.requestUpdate();
      await prompt.updateComplete;
    } finally {
      delete (store as unknown as { shares?: unknown }).shares;
    }
    expect($$(prompt, 'table.history tbody tr')).to.have.length(8);
    // A render asks once for the whole history (twice at most), not once per row.
    expect(asked, `the shares asked for ${asked} times in one render of 8 answers`).to.be.at.most(2);
  });
});
