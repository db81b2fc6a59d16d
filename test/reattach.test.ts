/**
 * A page kept alive while hidden (a framework that keeps routes mounted and only detaches them)
 * takes an element out of the document and puts it back later. A sign-out and another user's
 * sign-in in between are not heard while it is out: on its return nothing the last user left in
 * it (a half-sent answer naming its recipient, receipts, a status, a way to finish sending the
 * last user's signed events) may be shown to, or acted on by, the next one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { npubEncode } from 'nostr-tools/nip19';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { createAccessRequest, readConsentMessages } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, publishAnyway, relayAcceptsOnly, relayUrl, sampleBundle } from './helpers.js';
import { $, $$, approveHalfWay, buttonByText, dialogOf, root, text } from './element-helpers.js';

describe('an element taken off the page and put back after another user signed in', function () {
  this.timeout(60000);

  /** Takes `el` out of its session, signs the next user in there, and puts it back. */
  async function detachSwitchReattach(session: Nip82Session, el: HTMLElement & { updateComplete: Promise<boolean> }, next: { signer: unknown; pubkey: string }) {
    el.remove();
    session.signer = next.signer as Nip82Session['signer'];
    await waitUntil(() => session.pubkey === next.pubkey, 'the next user is signed in');
    session.append(el);
    await el.updateComplete;
  }

  it('a consent prompt shows nothing of the last user\'s half-sent answer, and offers no way to finish sending it', async () => {
    const picky = await relayUrl('picky');
    const pickyClient = new RelayClient({ relays: [picky] });
    try {
      const [patient, clinician, next] = [await person(), await person(), await person()];
      const record = await openRecord(await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [] }), patient.signer);
      const { events, request } = await createAccessRequest({ signer: clinician.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose: 'Check-up' });
      await pickyClient.publishAll(events);
      const incoming = (await readConsentMessages((await pickyClient.wrapsFor(patient.pubkey)).events, patient.signer)).find((m) => m.id === request.id)!;
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${picky} .signer=${patient.signer}>
        <nip82-consent-prompt mode="answer" .request=${incoming} .records=${[record]}></nip82-consent-prompt>
      </nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'the patient is signed in');
      const el = session.querySelector('nip82-consent-prompt') as Nip82ConsentPrompt;
      await el.updateComplete;

      // The patient approves; the share goes out, the answer does not.
      await approveHalfWay(el);
      await relayAcceptsOnly('picky', null);
      expect(!!buttonByText(el, 'Finish sending'), 'the patient may finish sending').to.equal(true);
      expect(text(root(el))).to.contain('Only part of this went out');
      expect($$(el, '[part=receipts] li').length).to.be.greaterThan(0);

      await detachSwitchReattach(session, el, next);
      const said = text(root(el));
      expect(said).not.to.contain('Only part of this went out');
      expect(said).not.to.match(/Sent:|storage server/);
      expect($$(el, '[part=receipts] li')).to.have.length(0);
      expect(el.status).to.equal('idle');
      expect(!!buttonByText(el, 'Finish sending'), 'a way to send the last user\'s events').to.equal(false);
      expect(dialogOf(el).open).to.equal(false);
    } finally {
      await relayAcceptsOnly('picky', null);
      pickyClient.close();
    }
  });

  it('an access list says nothing of the last user\'s revocation, and offers no way to finish it', async () => {
    const url = await relayUrl('main');
    const flakyUrl = await relayUrl('flaky');
    const client = new RelayClient({ relays: [url] });
    try {
      const [patient, clinician, next] = [await person(), await person(), await person()];
      const events = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: patient.signer, participants: [{ pubkey: clinician.pubkey, role: 'viewer' }] });
      await client.publishAll(events);
      await publishAnyway(flakyUrl, events);
      const record = await openRecord(events, patient.signer);
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${`${url} ${flakyUrl}`} .signer=${patient.signer}>
        <nip82-access-list .records=${[record]}></nip82-access-list>
      </nip82-session>`);
      await waitUntil(() => session.pubkey === patient.pubkey, 'the patient is signed in');
      const el = session.querySelector('nip82-access-list') as Nip82AccessList;
      await waitUntil(() => text(root(el)).includes('(you)'), 'knows who "you" are');

      // The patient revokes; one of the two storage servers misses it.
      const who = shortNpub(clinician.pubkey);
      $(el, `[part=person][data-pubkey="${clinician.pubkey}"]`)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, `Revoke access for ${who}`)!.click();
      await waitUntil(() => el.status === 'done', 'revoked where one relay took it', { timeout: 20000 });
      await el.updateComplete;
      buttonByText(el, 'Close')!.click();
      await waitUntil(() => !dialogOf(el).open && !$(el, '#dialog-title'), 'dialog closes');
      await el.updateComplete;
      expect(text($(el, '[role=status]'))).to.contain(`Access revoked for ${who}`);
      expect(!!$(el, '[part=unfinished]'), 'the patient may finish it').to.equal(true);

      await detachSwitchReattach(session, el, next);
      expect(text($(el, '[role=status]'))).not.to.match(/revoked|storage server/i);
      expect(el.status).to.equal('idle');
      expect($$(el, '[part=receipts] li')).to.have.length(0);
      expect(!!$(el, '[part=unfinished]')).to.equal(false);
      expect(!!buttonByText(el, 'Send to the storage servers that missed it')).to.equal(false);
    } finally {
      client.close();
    }
  });
});
