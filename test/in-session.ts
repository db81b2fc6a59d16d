/** An element inside a session, signed in with a fake extension over a signer: the setup of the session tests. */
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../components/define.js';
import type { Nip82Session } from '../components/session/session.js';
import type { Nip07Provider } from '../components/core/signers/nip07.js';
import type { Signer } from '../components/core/signers/signer.js';
import { waitUntil } from './wait.js';
import { fakeExtension } from './fake-extension.js';
import { buttonByText } from './element-helpers.js';

/**
 * Renders `template` (a `<nip82-session>` around the elements under test) with a fake extension
 * over `signer`, and signs in with it as `pubkey`; returns the session, its `tag` element and the
 * extension.
 */
export async function signedInSession<E extends HTMLElement>(template: TemplateResult, tag: string, signer: Signer, pubkey: string) {
  const ext = fakeExtension(signer);
  (window as { nostr?: Nip07Provider }).nostr = ext.provider;
  const session = await fixture<Nip82Session>(template);
  await waitUntil(() => { const b = buttonByText(session, /browser extension/); return !!b && !b.disabled; }, 'the extension offered');
  buttonByText(session, /browser extension/)!.click();
  await waitUntil(() => session.pubkey === pubkey, 'signed in');
  const el = session.querySelector(tag) as E & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return { session, el, ext };
}
