// A share "until <day>" in the patient's time zone, on the built core (dist/): it lasts until the
// patient's midnight after that day, the date picker's earliest day can be chosen at any hour, and
// every reader names the day the patient chose. Each case runs in a child Node under a TZ of its
// own, since the zone is the process's: New York in the evening (when UTC is already the next
// day), and a recipient in Tokyo reading the New York patient's share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Runs `body` (an async function body, with the core's modules in scope) in a Node whose time zone is `tz`. */
function inZone(tz, body, input = {}) {
  const code = `
    import assert from 'node:assert/strict';
    import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
    import { createRecord, secretKeySigner, grantExpiration, grantConsent, readGrant, grantToReader, shareCopyOf, createBundle, consentHistory, createAccessRequest, answerRequest } from './dist/core/index.js';
    import * as grantModule from './dist/core/nip82/grant.js';
    const input = ${JSON.stringify(input)};
    const at = (iso) => Date.parse(iso) / 1000;
    const key = () => getPublicKey(generateSecretKey());
    const out = await (async () => { ${body} })();
    process.stdout.write(JSON.stringify(out ?? null));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/** 20:00 on 5 Dec 2026 in New York: already 01:00 on 6 Dec in UTC. */
const EVENING_NY = '2026-12-06T01:00:00Z';
/** New York's midnight after 5 Dec 2026 (UTC-5). */
const MIDNIGHT_NY = '2026-12-06T05:00:00Z';

test('in New York at 20:00, "until today" ends at local midnight and the share can be made', () => {
  inZone('America/New_York', `
    assert.equal(grantExpiration('2026-12-05'), at('${MIDNIGHT_NY}'), 'the first second after 5 Dec, New York time');
    // The date picker's earliest day at that hour is 5 Dec (local), and a share until then is accepted.
    const author = secretKeySigner(generateSecretKey());
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Observation', id: '1', status: 'final', code: { text: 'HbA1c' } } }] };
    const events = await createRecord({ bundle, author, participants: [], createdAt: at('${EVENING_NY}'), expiresAt: grantExpiration('2026-12-05') });
    assert.ok(events.length > 0);
    // Winter and summer: the offset is the one in force on that day.
    assert.equal(grantExpiration('2026-07-04'), at('2026-07-05T04:00:00Z'));
  `);
});

test('the grant Consent ends at the same moment as the expiration, as a valid R4 dateTime that names the chosen day', () => {
  inZone('America/New_York', `
    const [patient, recipient] = [key(), key()];
    // A day still to come wherever this runs: the period starts now, and must start before it ends.
    const consent = grantConsent({ patient, recipient, role: 'viewer', until: '2027-12-05' });
    const { start, end } = consent.provision.period;
    assert.equal(end, '2027-12-05T23:59:59-05:00');
    // R4 dateTime: with a time, a zone is required.
    assert.match(end, /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/);
    assert.ok(Date.parse(start) < Date.parse(end), 'the period starts before it ends');
    const grant = readGrant(createBundle([consent]));
    assert.equal(grant.until, '2027-12-05');
    assert.equal(grant.ends, grantExpiration('2027-12-05'));
    // A grant written before the Consent carried a time ends at local midnight after its day.
    assert.equal(grantModule.grantEnd({ until: '2026-12-05' }), at('${MIDNIGHT_NY}'));
  `);
});

test("an answer that shortens a request ends on the patient's chosen day at their midnight, like a share", () => {
  inZone('America/New_York', `
    const [patientKey, clinicKey] = [generateSecretKey(), generateSecretKey()];
    const patient = secretKeySigner(patientKey);
    const { request } = await createAccessRequest({ signer: secretKeySigner(clinicKey), patient: getPublicKey(patientKey), resourceTypes: ['Observation'], purpose: 'Follow-up', days: 365 });
    const { answer } = await answerRequest(request, { signer: patient, decision: 'active', until: '2027-12-05' });
    assert.equal(answer.period.end, '2027-12-05T23:59:59-05:00');
    assert.equal(Date.parse(answer.period.end) / 1000 + 1, grantExpiration('2027-12-05'), 'the same moment as a share until that day');
    // Left as asked, the requester's own end stays.
    const { answer: whole } = await answerRequest(request, { signer: patient, decision: 'active' });
    assert.equal(whole.period.end, request.period.end);
  `);
});

/** A New York patient's grant Consent for 5 Dec, and the matching expiration, as a share would carry them. */
function newYorkShare() {
  return inZone('America/New_York', `
    const [patient, recipient] = [key(), key()];
    const consent = grantConsent({ patient, recipient, role: 'viewer', until: '2026-12-05' });
    return { patient, recipient, consent, expires: grantExpiration('2026-12-05') };
  `);
}

test("the patient's access list: in force through the evening of the last day, overdue from their midnight; revoked, not ended, before it", () => {
  inZone('America/New_York', `
    const { patient, recipient, consent } = input;
    const copy = (participants, createdAt) => ({
      role: 'editor', author: patient, reader: patient, authorVerified: true, bundle: createBundle([consent]),
      participants, createdAt, events: [], naddrs: [], signPubkey: key(),
    });
    const listed = copy([{ pubkey: recipient, role: 'viewer' }], at('2026-12-01T12:00:00Z'));
    assert.equal(shareCopyOf(listed, new Date('${EVENING_NY}')).status, 'active', 'at 20:00 on the last day');
    assert.equal(shareCopyOf(listed, new Date('2026-12-06T04:59:59Z')).status, 'active', 'at 23:59:59');
    assert.equal(shareCopyOf(listed, new Date('${MIDNIGHT_NY}')).status, 'overdue', 'at midnight');
    const dropped = (when) => shareCopyOf(copy([], at(when)), new Date('2026-12-10T00:00:00Z')).status;
    assert.equal(dropped('2026-12-06T02:00:00Z'), 'revoked', 'taken off at 21:00 on the last day');
    assert.equal(dropped('${MIDNIGHT_NY}'), 'ended', 'taken off once the day was over');
    // The history's "ended" falls on the chosen day in the patient's calendar.
    const share = shareCopyOf(copy([{ pubkey: recipient, role: 'viewer' }], at('2026-12-01T12:00:00Z')), new Date('2026-12-10T00:00:00Z'));
    const ended = consentHistory({ reader: patient, shares: [share], messages: [], session: [], now: new Date('2026-12-10T00:00:00Z') }).find((e) => e.kind === 'ended');
    const d = new Date(ended.at * 1000);
    assert.deepEqual([d.getFullYear(), d.getMonth() + 1, d.getDate()], [2026, 12, 5]);
  `, newYorkShare());
});

for (const [tz, place] of [['America/New_York', 'in the same time zone'], ['Asia/Tokyo', 'in Tokyo'], ['America/Los_Angeles', 'in Los Angeles']]) {
  test(`the recipient's viewer ${place}: the patient's day, ended at the patient's midnight`, () => {
    inZone(tz, `
      const { patient, recipient, consent, expires } = input;
      const seen = { role: 'viewer', author: patient, reader: recipient, authorVerified: true, bundle: createBundle([consent]),
        participants: [], createdAt: at('2026-12-01T12:00:00Z'), events: [{ tags: [['expiration', String(expires)]] }] };
      assert.deepEqual(grantToReader(seen, new Date('${EVENING_NY}')), { until: '2026-12-05', ended: false });
      assert.deepEqual(grantToReader(seen, new Date('2026-12-06T04:59:59Z')), { until: '2026-12-05', ended: false });
      assert.deepEqual(grantToReader(seen, new Date('${MIDNIGHT_NY}')), { until: '2026-12-05', ended: true });
      // Without an expiration (a share made by other software may carry none), the Consent's end decides alike.
      seen.events = [];
      assert.deepEqual(grantToReader(seen, new Date('2026-12-06T04:59:59Z')), { until: '2026-12-05', ended: false });
      assert.deepEqual(grantToReader(seen, new Date('${MIDNIGHT_NY}')), { until: '2026-12-05', ended: true });
    `, newYorkShare());
  });
}

test('an answer ending at a moment grants no later than the request asked, and a moment that is none is refused', () => {
  inZone('UTC', `
    const [patientKey, clinicKey] = [generateSecretKey(), generateSecretKey()];
    const patient = secretKeySigner(patientKey);
    const { request } = await createAccessRequest({ signer: secretKeySigner(clinicKey), patient: getPublicKey(patientKey), resourceTypes: ['Observation'], purpose: 'Follow-up', days: 30 });
    const later = new Date(Date.parse(request.period.end) + 60000).toISOString().replace(/\\.\\d+Z$/, 'Z');
    await assert.rejects(answerRequest(request, { signer: patient, decision: 'active', until: later }), /longer than was asked/);
    await assert.rejects(answerRequest(request, { signer: patient, decision: 'active', until: request.period.end.slice(0, 10) + 'T99:00' }), /not a date/);
    // The asked moment itself, as the consent prompt passes it when left as asked.
    const { answer } = await answerRequest(request, { signer: patient, decision: 'active', until: request.period.end });
    assert.equal(Date.parse(answer.period.end), Math.floor(Date.parse(request.period.end) / 1000) * 1000);
  `);
});
