/**
 * The remote signer's page (NIP-46 `auth_url`) inside an element's open modal dialog: the session
 * offers it in its own bar, behind the dialog's backdrop where it cannot be tapped, so an element
 * whose dialog waits for the signer shows the same words and link beside its status (Spanish in
 * signer-page.es.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SessionValue } from './context.js';

export interface SignerPageStrings {
  /** The remote signer waits for the user on its own page, at `host`. */
  signerPage: (host: string) => string;
  /** The link to that page (opened by the user, in a new tab). */
  signerPageOpen: (host: string) => string;
}

export const signerPageStringsEn: SignerPageStrings = {
  signerPage: (host) => `Your remote signer wants you to confirm on its own page, at ${host}, before it answers. Open that page, confirm there, then come back here.`,
  signerPageOpen: (host) => `Open ${host} in a new tab`,
};

/**
 * The page the session offered, while `waiting` (the dialog waits for the signer); nothing
 * otherwise. Opened by the user only, never for them; the link on a line of its own, so a finger
 * finds it whole rather than wrapped into the sentence.
 */
export function renderSignerPage(page: SessionValue['signerPage'], waiting: boolean, s: SignerPageStrings): TemplateResult | typeof nothing {
  if (!page || !waiting) return nothing;
  return html`<div class="signer-page" part="signer-page">
    <p>${s.signerPage(page.host)}</p>
    <p><a href=${page.href} target="_blank" rel="noopener noreferrer">${s.signerPageOpen(page.host)}</a></p>
  </div>`;
}
