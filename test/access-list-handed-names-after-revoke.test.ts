/**
 * A page inside a session hands its access list the records it opened itself, and the people who
 * hold them are looked up by name on the storage servers (a lookup begun before the session's
 * store arrived, the only one made). A revocation that went through before those names came back
 * threw them away for good (the list it changed was no longer the one they were looked up for):
 * everyone stayed a bare key. The names of the same records stand after a revocation.
 */
import { fixture, html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82AccessList } from '../components/access-list/access-list.js';
import { createRecord, openRecord } from '../components/core/nip82/record.js';
import { shortNpub } from '../components/shared/identity.js';
import { person, profileEvent, publishTo, recordAbout, relayUrl } from './helpers.js';
import { $, buttonByText, dialogOf, text } from './element-helpers.js';
import { waitUntil } from './wait.js';

/** Holds every profile lookup (a REQ for kind 0) sent from the page until `release`: a slow server, the time the test needs. */
function holdProfileLookups() {
  const send = WebSocket.prototype.send;
  const held: [WebSocket, string][] = [];
  WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    if (typeof data === 'string' && data.startsWith('["REQ"') && data.includes('"kinds":[0]')) held.push([this, data]);
    else send.call(this, data);
  };
  return {
    held: () => held.length,
    release() {
      WebSocket.prototype.send = send;
      for (const [socket, data] of held.splice(0)) if (socket.readyState === WebSocket.OPEN) send.call(socket, data);
    },
  };
}

describe('records handed to an access list in a session, a revocation done before their names arrive', function () {
  this.timeout(60000);

  it('still name the people who hold them', async () => {
    const url = await relayUrl('main');
    const [clinic, family, hospital] = [await person(), await person(), await person()];
    const events = await createRecord({ bundle: recordAbout('Ana Rivera', 'Flu'), author: clinic.signer, participants: [{ pubkey: family.pubkey, role: 'viewer' }, { pubkey: hospital.pubkey, role: 'viewer' }] });
    await publishTo(url, [await profileEvent(hospital, 'Lakeview Hospital'), ...events]);
    const record = await openRecord(events, clinic.signer);
    const lookups = holdProfileLookups();
    try {
      const session = await fixture<Nip82Session>(html`<nip82-session lang="en" relays=${url} no-controls .signer=${clinic.signer}>
        <nip82-access-list .records=${[record]}></nip82-access-list>
      </nip82-session>`);
      const el = session.querySelector<Nip82AccessList>('nip82-access-list')!;
      const revoke = () => $<HTMLButtonElement>(el, `[part=person][data-pubkey="${family.pubkey}"] button.revoke`);
      await waitUntil(() => revoke() && lookups.held() > 0, 'the people listed, their names asked for');
      revoke()!.click();
      await waitUntil(() => dialogOf(el).open, 'dialog opens');
      buttonByText(el, `Revoke access for ${shortNpub(family.pubkey)}`)!.click();
      await waitUntil(() => el.status === 'done', 'revoked', { timeout: 20000 });
      // The servers answer the lookup now, after the revocation.
      lookups.release();
      await waitUntil(() => text($(el, `[part=person][data-pubkey="${hospital.pubkey}"]`)).includes('Lakeview Hospital'),
        `the hospital was never named: ${text($(el, `[part=person][data-pubkey="${hospital.pubkey}"]`))}`, { timeout: 20000 });
    } finally {
      lookups.release();
    }
  });
});
