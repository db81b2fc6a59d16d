import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '../components/access-list/define.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord, revokeAccess } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import { RECORD_KIND } from '../components/core/nip82/constants.js';
import { person, relayUrl, sampleBundle, decliningSignIn } from './helpers.js';
import { $, buttonByText, dialogOf, root, text } from './element-helpers.js';

describe('<nip82-access-list> and a relay serving an old version', function () {
  this.timeout(60000);

  it('refuses to change access from a version older than one a relay holds, and publishes nothing', async () => {
    const url = await relayUrl('main');
    const client = new RelayClient({ relays: [url] });
    try {
      const patient = await person();
      const revoked = await person();
      const family = await person();
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: revoked.pubkey, role: 'viewer' }, { pubkey: family.pubkey, role: 'viewer' }] });
      await client.publishAll(events);
      // The old version, as a stale relay would serve it to a later session.
      const stale = await openRecord(events, patient.signer);
      const newer = await revokeAccess(await openRecord(events, patient.signer), revoked.pubkey);
      await client.publishAll(newer.events);

      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">
        <nip82-access-list .records=${[stale]} .signer=${patient.signer} relays=${url}></nip82-access-list>
      </div>`);
      const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
      await waitUntil(() => text(root(el)).includes('(you)'), 'knows who "you" are');
      let revokedEvent = false;
      el.addEventListener('nip82-revoke', () => { revokedEvent = true; });
      const row = $<HTMLLIElement>(el, `[part=person][data-pubkey="${family.pubkey}"]`)!;
      row.querySelector<HTMLButtonElement>('button.revoke')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, /^Revoke /)!.click();
      await waitUntil(() => el.status === 'bad-data', 'refused');
      await el.updateComplete;
      expect(text(root(el))).to.contain('newer version');
      expect(revokedEvent).to.equal(false);
      // Nothing went out: the newest version on the relay is still the one that removed only the first person.
      const { events: now } = await client.query({ kinds: [RECORD_KIND], authors: [stale.signPubkey] });
      expect(now.map((e) => e.id)).to.deep.equal(newer.record.events.map((e) => e.id));
    } finally {
      client.close();
    }
  });

  it('a storage server it could not check (the user declined to sign in there) stops the change calmly, named, with a way to try again', async () => {
    const url = await relayUrl('main');
    const signIn = await relayUrl('auth');
    const client = new RelayClient({ relays: [url] });
    try {
      const patient = await person();
      const family = await person();
      const events = await createRecord({ bundle: sampleBundle(), author: patient.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }] });
      await client.publishAll(events);
      const record = await openRecord(events, patient.signer);
      const declining = decliningSignIn(patient.signer);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">
        <nip82-access-list .records=${[record]} .signer=${declining} relays=${`${url} ${signIn}`}></nip82-access-list>
      </div>`);
      const el = wrapper.querySelector<Nip82AccessList>('nip82-access-list')!;
      await waitUntil(() => text(root(el)).includes('(you)'), 'knows who "you" are');
      let revokedEvent = false;
      el.addEventListener('nip82-revoke', () => { revokedEvent = true; });
      $<HTMLLIElement>(el, `[part=person][data-pubkey="${family.pubkey}"]`)!.querySelector<HTMLButtonElement>('button.revoke')!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      await el.updateComplete;
      buttonByText(el, /^Revoke /)!.click();
      await waitUntil(() => el.status === 'relay-error', 'stopped');
      await el.updateComplete;
      const said = text(dialogOf(el));
      expect(said).to.contain(`Could not check ${signIn} (it asked you to sign in, and you did not)`);
      expect(said).to.contain('nothing was changed');
      expect(said).not.to.match(/could not be used|newer version of this record than/);
      expect(buttonByText(el, 'Try again')).to.exist;
      expect(revokedEvent).to.equal(false);
      // Nothing went out: the relay still holds only the version the change started from.
      const { events: now } = await client.query({ kinds: [RECORD_KIND], authors: [record.signPubkey] });
      expect(now.map((e) => e.id)).to.deep.equal(events.map((e) => e.id));
    } finally {
      client.close();
    }
  });
});
