/**
 * A tab left open all day: the machine sleeps over lunch and wakes on another network, or a
 * storage server restarts behind its proxy, and the open connection goes dark (nothing comes back
 * on it, nothing says it closed). The read or send under way then runs out of time, as it must;
 * the next one connects afresh and works, rather than waiting on the dead connection again each
 * time the user checks again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { npubEncode } from 'nostr-tools/nip19';
import { waitUntil } from './wait.js';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { createAccessRequest } from '../components/core/nip82/requests.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import { person, relayUrl, sampleBundle } from './helpers.js';
import { $$, buttonByText, text } from './element-helpers.js';

/** Every connection open now to this file's picky relay gets no answer again; new ones are served. */
const goDark = () => executeServerCommand('relay-drop', { name: 'picky', silently: true });

describe('a connection to a storage server that went dark', function () {
  this.timeout(90000);

  it('costs one check: checking again finds the request that came meanwhile', async () => {
    const relays = [await relayUrl('picky')];
    const [patient, clinic, lab] = [await person(), await person(), await person()];
    const ask = async (who: typeof clinic, purpose: string) => {
      const client = new RelayClient({ relays });
      try {
        await client.publishAll((await createAccessRequest({ signer: who.signer, patient: patient.pubkey, resourceTypes: ['AllergyIntolerance'], purpose, days: 30 })).events);
      } finally {
        client.close();
      }
    };
    await ask(clinic, 'Check-up');
    (window as { nostr?: Nip07Provider }).nostr = {
      getPublicKey: () => patient.signer.getPublicKey(),
      signEvent: (t) => patient.signer.signEvent(t),
      nip44: { encrypt: (p, t) => patient.signer.nip44Encrypt(p, t), decrypt: (p, c) => patient.signer.nip44Decrypt(p, c) },
    };
    try {
      const session = await fixture<Nip82Session>(html`<nip82-session relays=${relays.join(' ')}><nip82-consent-prompt mode="answer"></nip82-consent-prompt></nip82-session>`);
      const answer = session.querySelector<Nip82ConsentPrompt>('nip82-consent-prompt')!;
      await waitUntil(() => buttonByText(session, /browser extension/)?.disabled === false, 'the extension was never offered');
      buttonByText(session, /browser extension/)!.click();
      await waitUntil(() => session.pubkey === patient.pubkey, 'not signed in');
      const check = async () => {
        buttonByText(answer, 'Check for requests')!.click();
        await waitUntil(() => answer.status !== 'done', 'the check never began');
        await waitUntil(() => answer.status === 'done', 'the check never ended', { timeout: 30000 });
      };
      await check();
      expect($$(answer, 'li.request').length, 'the first check, before lunch').to.equal(1);

      await goDark();
      // The lab asks over a connection of its own, which the server serves.
      await ask(lab, 'Blood test');
      await check();
      expect(text(answer.shadowRoot)).to.contain('Some messages were not checked yet: many newer ones came first, or a storage server did not answer. Check again to look further.');

      await check();
      expect($$(answer, 'li.request').map((li) => text(li)).join(' | '), 'checking again, as the page says').to.contain('Why: Blood test');
      expect(text(answer.shadowRoot)).not.to.contain('Some messages were not checked yet');
    } finally {
      delete (window as { nostr?: Nip07Provider }).nostr;
    }
  });

  it('costs one send: the next one reaches the server', async () => {
    const relays = [await relayUrl('picky')];
    const [patient, hospital] = [await person(), await person()];
    const client = new RelayClient({ relays, publishTimeoutMs: 2000 });
    try {
      const record = () => createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
      const statuses = async () => (await client.publish((await record())[0]!)).map((r) => r.status);
      expect(await statuses()).to.deep.equal(['accepted']);
      await goDark();
      expect(await statuses()).to.deep.equal(['timeout']);
      expect(await statuses()).to.deep.equal(['accepted']);
    } finally {
      client.close();
    }
  });
});

describe('a storage server slow to answer, not gone dark', function () {
  this.timeout(60000);

  it('a read given up on it does not cut off a send it is about to accept', async () => {
    // Every message waits 1.5 s at this server: a read given up after 0.5 s heard nothing yet.
    const relays = [await relayUrl('slow')];
    const [patient, hospital] = [await person(), await person()];
    const client = new RelayClient({ relays, publishTimeoutMs: 20000, queryTimeoutMs: 500 });
    try {
      const [event] = await createRecord({ bundle: sampleBundle(`nostr:${npubEncode(patient.pubkey)}`), author: hospital.signer, participants: [{ pubkey: patient.pubkey, role: 'editor' }] });
      const sent = client.publish(event!);
      const read = await client.query({ kinds: [1], authors: [hospital.pubkey], limit: 1 });
      expect(read.reports.map((r) => r.status), 'the read, given up').to.deep.equal(['timeout']);
      expect((await sent).map((r) => `${r.status} ${r.reason ?? ''}`.trim()), 'the send, which the server stored and answered').to.deep.equal(['accepted']);
    } finally {
      client.close();
    }
  });
});
