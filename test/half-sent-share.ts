/** A share that goes out only in part, inside a session signed in with an extension: the setup of the half-sent share tests. */
import { html } from '@open-wc/testing';
import '../components/define.js';
import type { Nip82ConsentPrompt } from '../components/consent-prompt/consent-prompt.js';
import { createRecord } from '../components/core/nip82/record.js';
import { RelayClient } from '../components/core/relay/client.js';
import type { Signer } from '../components/core/signers/signer.js';
import type { FhirBundle } from '../components/core/fhir/types.js';
import { waitUntil } from './wait.js';
import { fixture as dataFixture, relayAcceptsOnly, relayUrl } from './helpers.js';
import { signedInSession } from './in-session.js';
import { buttonByText, dialogOf, typeRecipient } from './element-helpers.js';

/**
 * The patient's large record (several parts) on the picky relay; a session signed in with an
 * extension over `signer`, holding a consent prompt whose records are unlocked.
 */
export async function promptInSession(signer: Signer, pubkey: string) {
  const picky = await relayUrl('picky');
  const bundle = (await dataFixture('synthea-patient.json')) as FhirBundle;
  const client = new RelayClient({ relays: [picky] });
  try {
    await client.publishAll(await createRecord({ bundle, author: signer, participants: [] }));
  } finally { client.close(); }
  const { session, el, ext } = await signedInSession<Nip82ConsentPrompt>(html`<nip82-session relays=${picky}><nip82-consent-prompt></nip82-consent-prompt></nip82-session>`, 'nip82-consent-prompt', signer, pubkey);
  buttonByText(el, 'Unlock my records')!.click();
  await waitUntil(() => el.status === 'done', 'records loaded', { timeout: 30000 });
  await el.updateComplete;
  return { picky, ext, session, el };
}

/** Shares the records with `recipient` while the relay takes one event only: the prompt stops half way. */
export async function shareHalfWay(el: Nip82ConsentPrompt, recipient: string): Promise<void> {
  buttonByText(el, 'Share records…')!.click();
  await waitUntil(() => dialogOf(el).open, 'dialog opens');
  await typeRecipient(el, recipient);
  buttonByText(el, 'Review')!.click();
  await el.updateComplete;
  await relayAcceptsOnly('picky', 1);
  buttonByText(el, /^Share with npub1/)!.click();
  await waitUntil(() => el.status === 'relay-error', 'stopped half way', { timeout: 30000 });
  await el.updateComplete;
}
