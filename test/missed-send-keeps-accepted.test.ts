/**
 * "Send to the storage servers that missed it" sends the same signed events again, to every server
 * of the list. A server that took them the first time still holds them: when it turns the copy down
 * this time (or is down), the outcome must still count it, in the consent prompt and in the access
 * list, and the way on stays offered while a server still lacks it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/consent-prompt/define.js';
import '../components/access-list/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type OpenedRecord, type Participant } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayAcceptsOnly, relayUrl, sampleBundle, silentAt, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, stopButton, tap, text, toSharePreview } from './element-helpers.js';
import { waitUntil } from './wait.js';

const MISSED = 'Send to the storage servers that missed it';

describe('sending again to the storage servers that missed an action: a server that took it is still counted', function () {
  this.timeout(60000);
  let gated: string;
  const picky = sharedRelayClient('picky');
  before(async () => {
    gated = await relayUrl('auth-write');
  });
  beforeEach(() => relayAcceptsOnly('picky', null));
  afterEach(() => relayAcceptsOnly('picky', null));

  /** A record of the patient's, on the picky server only (the other takes changes only from the signed in). */
  async function patientRecord(patient: Person, participants: Participant[] = []): Promise<OpenedRecord> {
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
    await picky.client.publishAll(events);
    return openRecord(events, patient.signer);
  }

  /** Passes over the sign-in the signer is asked for, and waits for the outcome of that send. */
  async function passOverSignIn(el: HTMLElement & { status: string; updateComplete: Promise<boolean> }, asked: () => boolean) {
    await waitUntil(() => asked() && stopButton(el), 'the sign-in waits at the signer, "Stop waiting" offered', { timeout: 20000 });
    await tap(stopButton(el)!);
    await waitUntil(() => el.status === 'done', 'the send ends without that server', { timeout: 20000 });
    await el.updateComplete;
  }

  /**
   * The way on pressed while the server that took the action turns every copy down and the other
   * still waits on the sign-in: the outcome still counts the first, and the way on stays offered.
   */
  async function sentAgainStillCounted(el: HTMLElement & { status: string; updateComplete: Promise<boolean> }, quiet: ReturnType<typeof silentAt>, outcome: string) {
    await relayAcceptsOnly('picky', 0);
    await tap(buttonByText(el, MISSED)!);
    await passOverSignIn(el, quiet.asked);
    expect(text($(el, '#result-title')), 'the server that took it still holds it').to.contain(outcome);
    expect(buttonByText(el, MISSED), 'still offered: the other server lacks it').to.exist;
    quiet.release();
  }

  it('consent prompt: after the second send, the share is still said to be on the server that took it the first time', async () => {
    const [patient, clinician] = [await person(), await person()];
    const record = await patientRecord(patient);
    const quiet = silentAt(patient.signer, { signInsOnly: true });
    const el = await fixture<Nip82ConsentPrompt>(html`<nip82-consent-prompt .records=${[record]} .signer=${quiet.signer} relays=${`${picky.url} ${gated}`}></nip82-consent-prompt>`);
    await toSharePreview(el, clinician.pubkey);

    quiet.arm(1);
    await tap(buttonByText(el, /^Share with npub1/)!);
    await passOverSignIn(el, quiet.asked);
    const outcome = `Shared with ${shortNpub(clinician.pubkey)}. 1 of 2 storage servers accepted it.`;
    expect(text($(el, '#result-title'))).to.contain(outcome);
    expect((await picky.client.query({ kinds: [RECORD_KIND], '#p': [clinician.pubkey] })).events.length, 'the share is on the first server').to.be.greaterThan(0);

    await sentAgainStillCounted(el, quiet, outcome);
  });

  it('access list: after the second send, the revocation is still said to be in force on the server that took it the first time', async () => {
    const [patient, clinician, family] = [await person(), await person(), await person()];
    const record = await patientRecord(patient, [{ pubkey: clinician.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }]);
    const quiet = silentAt(patient.signer, { signInsOnly: true });
    const el = await fixture<Nip82AccessList>(html`<nip82-access-list .records=${[record]} .signer=${quiet.signer} relays=${`${picky.url} ${gated}`}></nip82-access-list>`);
    const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`);
    await waitUntil(() => revoke(), 'the clinician is listed');
    await tap(revoke()!);
    await waitUntil(() => dialogOf(el).open, 'dialog opens');

    quiet.arm(1);
    await tap(buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!);
    await passOverSignIn(el, quiet.asked);
    const outcome = `Access revoked for ${shortNpub(clinician.pubkey)}. 1 of 2 storage servers accepted the change.`;
    expect(text($(el, '#result-title'))).to.contain(outcome);

    await sentAgainStillCounted(el, quiet, outcome);
  });
});
