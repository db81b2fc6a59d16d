/**
 * The counts that were still handed to the strings as bare numbers (the access list's revocation
 * words, the viewer's unlocked and failed records and its record headings, what a load or a read
 * left, a storage server's "n of m parts saved") reach them written as the page's language writes
 * numbers, after the numbers: the built-in English and Spanish print "12,345" and "12.345", never
 * "12345", and a host's own words receive the written form.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import '../components/record-viewer/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82RecordViewer } from '../components/record-viewer/record-viewer.js';
import { accessListStrings, type AccessListStrings } from '../components/access-list/access-list.strings.js';
import { accessListStringsEs } from '../components/access-list/access-list.strings.es.js';
import { recordViewerStrings, type RecordViewerStrings } from '../components/record-viewer/record-viewer.strings.js';
// The words the viewer's later parts say join its English table as those parts arrive: here, all of them.
import '../components/record-viewer/record-extras.js';
import { recordViewerStringsEs } from '../components/record-viewer/record-viewer.strings.es.js';
import { consentPromptStrings } from '../components/consent-prompt/consent-prompt.strings.js';
import { consentPromptStringsEs } from '../components/consent-prompt/consent-prompt.strings.es.js';
import { stateStringsEn } from '../components/shared/state-strings.js';
import { stateStringsEs } from '../components/shared/state-strings.es.js';
import { recordsStringsEn } from '../components/shared/records.strings.js';
import { recordsStringsEs } from '../components/shared/records.strings.es.js';
import { formatCount } from '../components/shared/numbers.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { RelayClient } from '../components/core/relay/client.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, buttonByText, dialogOf, receiptLines, text } from './element-helpers.js';

// Past four digits: Spanish groups only numbers of five digits or more ("1050", "12.345").
const [N, M] = [12345, 20000];

describe('counts handed to the strings written out', function () {
  this.timeout(60000);

  it('the built-in English and Spanish write every such count as the language writes numbers', () => {
    for (const lang of ['en', 'es'] as const) {
      const [n, m] = [formatCount(N, lang), formatCount(M, lang)];
      const al: AccessListStrings = lang === 'en' ? accessListStrings.en : accessListStringsEs;
      const rv = (lang === 'en' ? recordViewerStrings.en : recordViewerStringsEs) as RecordViewerStrings;
      const cp = lang === 'en' ? consentPromptStrings.en : consentPromptStringsEs;
      const state = lang === 'en' ? stateStringsEn : stateStringsEs;
      const records = lang === 'en' ? recordsStringsEn : recordsStringsEs;
      const said: Record<string, string> = {
        publishing: al.publishing(N, M, n, m),
        revoked: al.revoked('Ana', N, M, n, m),
        partlyRevoked: al.partlyRevoked(N, M, n, m),
        partlyNotice: al.partlyNotice('Ana', N, M, n, m),
        partlyEndedNotice: al.partlyEndedNotice(N, N, M, n, n, m),
        unfinishedEndedNotice: al.unfinishedEndedNotice(N, n),
        endedRevoked: al.endedRevoked(N, N, M, n, n, m),
        revokeEnded: al.revokeEnded(N, n),
        endedTitle: al.endedTitle(N, n),
        endedDoneTitle: al.endedDoneTitle(N, n, true),
        confirmEnded: al.confirmEnded(N, n),
        overdueNotice: al.overdueNotice(N, n),
        opened: rv.opened(N, n),
        someFailed: rv.someFailed(N, n),
        failureLine: rv.failureLine('Damaged', N, n),
        moreFailures: rv.moreFailures(N, n),
        partsMissing: rv.partsMissing(N, M, n, m),
        recordHeading: rv.recordHeading(N, M, n, m),
        viewerRecordsLeft: rv.recordsLeft(N, n),
        recordsLeft: records.recordsLeft(N, n),
        mailLeft: records.mailLeft(N, n),
        listRecordsLeft: al.recordsLeft(N, n),
        promptMailLeft: cp.mailLeft(N, n),
        receiptStatus: state.receiptStatus('accepted', N, M, undefined, undefined, n, m),
        promptReceiptStatus: cp.receiptStatus('accepted', N, M, undefined, undefined, n, m),
      };
      for (const [key, line] of Object.entries(said)) {
        expect(line, `${lang} ${key}`).to.contain(n);
        expect(line, `${lang} ${key}`).not.to.match(/12345|20000/);
      }
      for (const key of ['publishing', 'revoked', 'partlyRevoked', 'partlyNotice', 'partlyEndedNotice', 'endedRevoked', 'partsMissing', 'recordHeading', 'receiptStatus', 'promptReceiptStatus']) {
        expect(said[key], `${lang} ${key}`).to.contain(m);
      }
    }
    expect(recordViewerStringsEs.recordHeading(N, M, '12.345', '20.000')).to.equal('Historial 12.345 de 20.000');
    expect(accessListStrings.en.publishing(N, M, '12,345', '20,000')).to.equal('Sending 12,345 changes to 20,000 storage servers…');
    expect(stateStringsEs.receiptStatus('accepted', N, M, undefined, undefined, '12.345', '20.000')).to.equal('12.345 de 20.000 partes guardadas');
  });

  it('the access list hands a host its revocation counts written out: the ended shares, the send, the outcome and each server', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinic] = [await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      const until = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const { source, fullUrl } = consentSource(record, grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until }));
      await client.publishAll(await createShare({
        from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }],
      }));
      const strings: Partial<AccessListStrings> = {
        overdueNotice: (_n, nText) => `Overdue: ${nText}`,
        revokeEnded: (_n, nText) => `Revoke ended: ${nText}`,
        endedTitle: (_n, nText) => `Ended title: ${nText}`,
        confirmEnded: (_n, nText) => `Confirm ended: ${nText}`,
        endedDoneTitle: (_n, nText) => `Ended done: ${nText}`,
        publishing: (_events, _relays, eventsText, relaysText) => `Sending ${eventsText} to ${relaysText}`,
        endedRevoked: (_n, _ok, _total, nText, okText, totalText) => `Ended revoked: ${nText}, ${okText} of ${totalText}`,
        receiptStatus: (status, _accepted, _total, _reason, _signIn, acceptedText, totalText) => `${status} [${acceptedText}/${totalText}]`,
      };
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list lang="en" .strings=${strings} .signer=${patient.signer} relays=${url}></nip82-access-list>`);
      const said: string[] = [];
      el.addController({ hostUpdated: () => said.push(text($(el, '[role=status]'))) });
      buttonByText(el, 'Unlock my records')!.click();
      await waitUntil(() => $(el, '[part=overdue]'), 'the ended share is found', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '[part=overdue] p'))).to.equal('Overdue: 1');
      buttonByText(el, 'Revoke ended: 1')!.click();
      await waitUntil(() => dialogOf(el).open, 'the dialog', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '#dialog-title'))).to.equal('Ended title: 1');
      buttonByText(el, 'Confirm ended: 1')!.click();
      await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
      await el.updateComplete;
      expect(text($(el, '#dialog-title'))).to.equal('Ended done: 1');
      expect(text($(el, '#result-title'))).to.equal('Ended revoked: 1, 1 of 1');
      expect(said.some((t) => /Sending [1-9]\d* to 1/.test(t)), said.join(' | ')).to.equal(true);
      const lines = receiptLines(el);
      expect(lines.length).to.be.greaterThan(0);
      for (const line of lines) expect(line).to.match(/: accepted \[[1-9]\d*\/[1-9]\d*\]$/);
      expect(said.join(' ') + lines.join(' ')).not.to.contain('undefined');
    } finally {
      client.close();
    }
  });

  it('the record viewer hands a host the written form of each heading\'s place among the records', async () => {
    const patient = await person();
    const records = [];
    for (let i = 0; i < 2; i++) records.push(await openRecord(await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] }), patient.signer));
    const strings: Partial<RecordViewerStrings> = { recordHeading: (_i, _total, iText, totalText) => `Record [${iText}/${totalText}]` };
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-record-viewer .strings=${strings} .records=${records}></nip82-record-viewer></div>`);
    const el = wrapper.firstElementChild as Nip82RecordViewer;
    await waitUntil(() => $$(el, '[part=record] h2').length === 2, 'both records shown', { timeout: 20000 });
    expect($$(el, '[part=record] h2').map((h) => text(h))).to.deep.equal(['Record [1/2]: Ana Rivera', 'Record [2/2]: Ana Rivera']);
  });
});
