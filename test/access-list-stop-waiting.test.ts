/**
 * A signer that never answers while the access list's revocation dialog asks it (a remote signer
 * on a phone, with no Escape key): the dialog's live "Stop waiting" ends the wait at once, nothing
 * goes out (not even once the signer answers late), the dialog says so, focus stays in the
 * dialog, and the patient can revoke again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, type Participant, type Role } from '../components/core/nip82/record.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, relayRequests, sampleBundle, silentAt, type Person } from './helpers.js';
import { sharedRelayClient } from './relay-client.js';
import { $, buttonByText, dialogOf, focused, stopButton, tap, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/**
 * The signer calls of one revocation made from the records the element loaded: who is signed in
 * (the record store asks), then, revoking an editor, the four of the notice to the one who stays
 * (who is signing, encrypt the notice, who is signing, sign it).
 */
const CALLS: Record<Role, number> = { viewer: 1, editor: 5 };

describe('<nip82-access-list>: "Stop waiting" while the signer never answers a revocation', function () {
  this.timeout(60000);

  const relay = sharedRelayClient();
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  /** Every event on the relay a revocation of the record at `signPubkey` could have published, and the relay's reads of it. */
  async function outThere(signPubkey: string, told: Person) {
    const parts = (await relay.client.query({ kinds: [RECORD_KIND], authors: [signPubkey] })).events.map((e) => e.id).sort();
    const deletions = (await relay.client.query({ kinds: [5], authors: [signPubkey] })).events.length;
    const wraps = (await relay.client.query({ kinds: [1059], '#p': [told.pubkey] })).events.length;
    return { parts, deletions, wraps };
  }

  for (const [role, k] of [['viewer', 1], ['editor', 1], ['editor', 3], ['editor', 5]] as const) {
    it(`revoking ${role === 'editor' ? 'an editor' : 'a viewer'}, the signer's call ${k} of ${CALLS[role]} never answers: a tap on "Stop waiting" ends it, nothing goes out even after a late answer, and revoking works again`, async () => {
      const [patient, clinician, family] = [await person(), await person(), await person()];
      const participants: Participant[] = [{ pubkey: clinician.pubkey, role }, { pubkey: family.pubkey, role: 'viewer' }];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants });
      await relay.client.publishAll(events);
      const signPubkey = events[0]!.pubkey;
      const quiet = silentAt(patient.signer, { countKey: true });
      // The records the element loads itself: its record store asks who is signed in before a change.
      const el = await fixture<Nip82AccessList>(html`<nip82-access-list .signer=${quiet.signer} relays=${relay.url}></nip82-access-list>`);
      await tap(buttonByText(el, 'Unlock my records')!);
      const revokeIn = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`);
      await waitUntil(() => revokeIn() && el.status === 'done', 'loaded', { timeout: 20000 });
      await tap(revokeIn()!);
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      expect(stopButton(el), 'no "Stop waiting" before the signer is asked').to.equal(undefined);
      const before = await outThere(signPubkey, family);

      quiet.arm(k);
      // The Revoke button's own handler, called as its tap would, so the test can wait for the action to end.
      const action = (el as unknown as { confirm: () => Promise<void> }).confirm();
      await waitUntil(() => quiet.asked(), `the signer's call ${k} is asked`);
      await el.updateComplete;
      expect(el.status).to.equal('waiting-signer');
      const confirm = () => buttonByText(el, `Revoke access for ${shortNpub(clinician.pubkey)}`)!;
      expect(confirm().getAttribute('aria-disabled'), 'the Revoke button says it is busy').to.equal('true');
      expect(stopButton(el), 'a live "Stop waiting" while the signer is asked').to.exist;
      await expect(el).to.be.accessible();

      await tap(stopButton(el)!);
      await waitUntil(() => el.status === 'cancelled', 'stopped at once');
      await el.updateComplete;
      expect(dialogOf(el).open, 'the dialog stays to say what happened').to.equal(true);
      expect(text($(el, 'dialog [role=status]'))).to.equal('Stopped waiting for your signer. Nothing was changed or sent; you can try again.');
      expect(focused(el)?.id, 'focus on the dialog\'s heading').to.equal('dialog-title');
      expect(stopButton(el)).to.equal(undefined);
      expect(confirm().getAttribute('aria-disabled')).to.equal('false');
      const reads = (await relayRequests('main', signPubkey)).length;

      // The signer answers late: the revocation ends with nothing more asked, read or sent.
      const asked = quiet.calls();
      quiet.release();
      await action;
      expect(quiet.answered()).to.equal(true);
      await el.updateComplete;
      expect(el.status).to.equal('cancelled');
      expect(quiet.calls(), 'signer calls after the stop').to.equal(asked);
      expect((await relayRequests('main', signPubkey)).length, 'storage servers read for it after the stop').to.equal(reads);
      expect(await outThere(signPubkey, family), 'nothing published').to.deep.equal(before);
      expect((await openRecord((await relay.client.query({ kinds: [RECORD_KIND], authors: [signPubkey] })).events, clinician.signer)).role).to.equal(role);

      // Revoking again goes through: signed afresh, every call answered, and sent.
      await tap(confirm());
      await waitUntil(() => el.status === 'done', 'revoked the second time', { timeout: 20000 });
      expect(quiet.calls() - asked, 'signer calls of one revocation').to.equal(CALLS[role]);
      expect(text($(el, '#result-title'))).to.match(new RegExp(`^Access revoked for ${shortNpub(clinician.pubkey)}\\.`));
      expect(await outThere(signPubkey, family)).not.to.deep.equal(before);
    });
  }

  it('speaks Spanish under lang="es": the button and what the dialog says once stopped', async () => {
    const [patient, clinician] = [await person(), await person()];
    const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
    await relay.client.publishAll(events);
    const quiet = silentAt(patient.signer, { countKey: true });
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><nip82-access-list .signer=${quiet.signer} relays=${relay.url}></nip82-access-list></div>`);
    const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
    await waitUntil(() => buttonByText(el, 'Desbloquear mis historiales'), 'Spanish');
    buttonByText(el, 'Desbloquear mis historiales')!.click();
    const revokeIn = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${clinician.pubkey}"] button.revoke`);
    await waitUntil(() => revokeIn() && el.status === 'done', 'loaded', { timeout: 20000 });
    revokeIn()!.click();
    await waitUntil(() => dialogOf(el).open, 'dialog opens');
    quiet.arm(1);
    const action = (el as unknown as { confirm: () => Promise<void> }).confirm();
    await waitUntil(() => quiet.asked(), 'the signer is asked');
    await el.updateComplete;
    await tap(buttonByText(el, 'Dejar de esperar')!);
    await waitUntil(() => el.status === 'cancelled', 'stopped');
    await el.updateComplete;
    expect(text($(el, 'dialog [role=status]'))).to.equal('Se dejó de esperar a su firmador. No se cambió ni envió nada; puede volver a intentarlo.');
    quiet.release();
    await action;
  });
});
