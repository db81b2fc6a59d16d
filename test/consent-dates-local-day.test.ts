/**
 * End dates as the patient lives them, in Los Angeles (west of UTC, where a clinic's UTC moment
 * falls on the day before): the consent history, the request list and an approval all name the
 * day the answer form showed, and the answer ends when its share does. And a share past its end
 * date reads, in the history, as its card says: they can still open it until it is revoked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord, openRecord, type OpenedRecord } from '../components/core/nip82/record.js';
import { createShare } from '../components/core/nip82/share.js';
import { consentSource, grantConsent } from '../components/core/nip82/grant-create.js';
import { expirationOf } from '../components/core/nip82/grant.js';
import { answerRequest, consentResource, readConsentMessages, type ConsentMessage } from '../components/core/nip82/requests.js';
import { giftWrap, makeRumor } from '../components/core/nip82/gift-wrap.js';
import { createBundle } from '../components/core/fhir/bundle.js';
import { MEDICAL_DATA_KIND } from '../components/core/nip82/constants.js';
import { RelayClient } from '../components/core/relay/client.js';
import { dayText } from '../components/shared/dates.js';
import { waitUntil } from './wait.js';
import { person, relayUrl, sampleBundle, type Person } from './helpers.js';
import { $, $$, buttonByText, dialogOf, isoDay, text } from './element-helpers.js';

const localDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('consent dates on the patient\'s own calendar (Los Angeles)', function () {
  this.timeout(90000);
  let url: string;

  before(async () => {
    await executeServerCommand('time-zone', { timeZone: 'America/Los_Angeles' });
    // The elements come after the zone is set: no date of theirs is formatted before it.
    await Promise.all([import('../components/access-list/define.js'), import('../components/consent-prompt/define.js')]);
    url = await relayUrl('main');
  });

  after(() => executeServerCommand('time-zone', { timeZone: '' }));

  async function publish(events: Parameters<RelayClient['publishAll']>[0]) {
    const client = new RelayClient({ relays: [url] });
    try {
      await client.publishAll(events);
    } finally {
      client.close();
    }
  }

  /** A clinic's request to `patient`, its period ending at the UTC moment `end`, as the patient's mail holds it. */
  async function requestEnding(clinic: Person, patient: Person, end: string): Promise<ConsentMessage> {
    const consent = consentResource({ status: 'proposed', requester: clinic.pubkey, patient: patient.pubkey, types: ['Immunization'], purpose: 'Travel clinic', period: { start: new Date(Date.now() - 86_400_000 * 5).toISOString(), end }, records: [] } as never);
    const rumor = makeRumor({ kind: MEDICAL_DATA_KIND, tags: [['p', patient.pubkey]], content: JSON.stringify(createBundle([consent])) }, clinic.pubkey);
    await publish(await giftWrap(clinic.signer, rumor, [patient.pubkey, clinic.pubkey]));
    const client = new RelayClient({ relays: [url] });
    try {
      return (await readConsentMessages((await client.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.period?.end === end)!;
    } finally {
      client.close();
    }
  }

  async function historyRows(patient: Person): Promise<string[][]> {
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${patient.signer} relays=${url}></nip82-access-list>`);
    buttonByText(el, 'Unlock my records')!.click();
    await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 30000 });
    await el.updateComplete;
    buttonByText(el, 'Show consent history')!.click();
    await waitUntil(() => $$(el, 'table tbody tr').length > 0, 'history shown', { timeout: 30000 });
    return $$(el, 'table tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
  }

  it('a share past its end date, not revoked: the history says they can still open it, as the share card does', async () => {
    const [clinic, patient] = [await person(), await person()];
    const made = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
    await publish(made);
    const record: OpenedRecord = await openRecord(made, patient.signer);
    const consent = grantConsent({ patient: patient.pubkey, recipient: clinic.pubkey, role: 'viewer', until: isoDay(-2) });
    const { source, fullUrl } = consentSource(record, consent);
    await publish(await createShare({ from: [record, source], include: [...record.bundle.entry!.map((e) => e.fullUrl!), fullUrl], author: patient.signer, participants: [{ pubkey: clinic.pubkey, role: 'viewer' }] }));

    const rows = await historyRows(patient);
    const shared = rows.find((r) => r[2] === 'shared');
    expect(shared, JSON.stringify(rows)).to.exist;
    expect(shared![4], 'the "Now" cell').to.equal('end date passed; can still open it until you revoke it');
  });

  it('an approval of a request ending at a UTC moment: the history names the patient\'s day, not the UTC one', async () => {
    const [clinic, patient] = [await person(), await person()];
    // 01:00 UTC is 5 or 6 PM the day before in Los Angeles.
    const end = `${isoDay(20)}T01:00:00.000Z`;
    const day = localDay(Date.parse(end));
    expect(day, 'the test\'s premise: another day there').not.to.equal(end.slice(0, 10));
    const request = await requestEnding(clinic, patient, end);
    // Answered as asked by other software (or an earlier version): the answer keeps the request's moment.
    const { events } = await answerRequest(request, { signer: patient.signer, decision: 'active', records: [] });
    await publish(events);

    const rows = await historyRows(patient);
    const approved = rows.find((r) => r[2] === 'request approved');
    expect(approved, JSON.stringify(rows)).to.exist;
    expect(approved![4], 'the "Now" cell').to.equal(`can view until ${dayText(day, 'en')}`);
  });

  it('approving with the asked day: the answer ends when the share does; an ended request names the patient\'s day', async () => {
    const [clinic, patient] = [await person(), await person()];
    const made = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [] });
    await publish(made);
    const record = await openRecord(made, patient.signer);
    const ended = `${isoDay(-2)}T01:00:00.000Z`;
    await requestEnding(clinic, patient, ended);
    const end = `${isoDay(20)}T01:00:00.000Z`;
    const request = await requestEnding(clinic, patient, end);

    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt mode="answer" .records=${[record]} .signer=${patient.signer} relays=${url}></nip82-consent-prompt>`);
    buttonByText(el, 'Check for requests')!.click();
    await waitUntil(() => $$(el, 'li.request').length === 2, 'both requests', { timeout: 30000 });
    const endedLine = $$(el, 'li.request').map((li) => text(li)).find((t) => t.includes('ended'));
    expect(endedLine).to.contain(`This request ended on ${dayText(localDay(Date.parse(ended)), 'en')}:`);

    $$<HTMLButtonElement>(el, 'li.request button').find((b) => !text(b.closest('li')).includes('ended'))!.click();
    await waitUntil(() => dialogOf(el).open && $(el, '#grant-until'), 'the answer form');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#grant-until')!.value, 'the suggested day').to.equal(localDay(Date.parse(end)));
    buttonByText(el, /^Review: approve/)!.click();
    await waitUntil(() => buttonByText(el, /^Approve and share with/), 'the preview');
    buttonByText(el, /^Approve and share with/)!.click();
    await waitUntil(() => $(el, '#result-title'), 'approved', { timeout: 30000 });

    const client = new RelayClient({ relays: [url] });
    try {
      const answer = (await readConsentMessages((await client.wrapsFor(clinic.pubkey)).events, clinic.signer)).find((m) => m.answers === request.id)!;
      const { events } = await client.recordByNaddr(answer.records[0]!);
      const expires = expirationOf(events[0]!);
      // The answer's end is inclusive: its next second is the first without access, as for the share.
      expect(Date.parse(answer.period!.end!) / 1000 + 1, `answer ${answer.period!.end}`).to.equal(expires);
    } finally {
      client.close();
    }
  });
});
