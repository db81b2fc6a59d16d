/**
 * The session's sign-in card: the browser extension's button, the remote signer's address field
 * and its code, with their words. Fetched the first time the card is due: a page whose host hands
 * the session its signer (`.signer`), or hides the bar (`no-controls`), never shows it, so never
 * downloads it. The session keeps the sign-in itself; the card only shows it and passes the
 * user's presses on (SignInCardView).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { holdsSecretKey } from '../shared/secret-key.js';
import { addCardStrings, type SessionBuiltins } from './session.strings.js';
import { cardStringsEn } from './sign-in-card.strings.js';

addCardStrings(cardStringsEn);

/** What the card shows of the session's sign-in, and where the user's presses go. */
export interface SignInCardView {
  /** The session element, to tell whether its page is framed by another site's. */
  element: Element;
  extensionFound: boolean;
  /** The extension is being asked who the user is (a second press would open a second prompt). */
  extensionAsked: boolean;
  bunkerInput: string;
  /** A bunker:// connect waits, and can be cancelled. */
  bunkerWaiting: boolean;
  /** The one-time secret was taken out of the address after a failed connect. */
  secretDropped: boolean;
  /** Whether a code can be offered (some relay is usable). */
  canShowCode: boolean;
  /** The code shown for a signer app, once asked for; else undefined. */
  code?: TemplateResult | typeof nothing;
  useExtension: () => void;
  connectBunker: (event: Event) => void;
  typed: (value: string) => void;
  cancelRemote: () => void;
  showCode: () => void;
}

/**
 * Whether the page is shown inside another site's page (an EHR's frame): many signer extensions
 * reach only a tab's own page, so "none in this browser" would tell someone who has one to install
 * it. A frame of the same site (a preview, a docs page) is not taken for one.
 */
function framed(element: Element): boolean {
  try {
    return !element.ownerDocument.defaultView?.top?.document;
  } catch {
    return true;
  }
}

function render(v: SignInCardView, s: SessionBuiltins) {
  // The address field is left to right on every page: a bunker:// address is, and shows where it starts.
  return html`<span class="who">${s.signIn}</span>
    <button part="button button-primary" type="button" class="primary use-extension" ?disabled=${!v.extensionFound} aria-disabled=${v.extensionAsked ? 'true' : 'false'} @click=${v.useExtension}>${s.useExtension}</button>
    ${v.extensionFound ? nothing : html`<p class="help">${framed(v.element) ? s.noExtensionInFrame : s.noExtension}</p>`}
    <details>
      <summary>${s.remoteTitle}</summary>
      <form class="row" @submit=${v.connectBunker}>
        <label>${s.bunkerLabel}
          <input name="bunker" part="input" dir="ltr" autocomplete="off" spellcheck="false" .value=${v.bunkerInput} ?readonly=${v.bunkerWaiting}
            @input=${(e: Event) => v.typed((e.target as HTMLInputElement).value)} aria-describedby="bunker-help">
        </label>
        <button part="button" type="submit" ?disabled=${!v.bunkerInput.trim() || v.bunkerWaiting}>${s.connect}</button>
        ${v.bunkerWaiting ? html`<button part="button" type="button" class="cancel-bunker" @click=${v.cancelRemote}>${s.cancel}</button>` : nothing}
      </form>
      <p class="help" id="bunker-help">${v.secretDropped ? `${s.secretRemoved} ` : ''}${s.bunkerHelp}</p>
      ${v.code ?? html`<button part="button" type="button" class="show-code" ?disabled=${!v.canShowCode} @click=${v.showCode}>${s.showCode}</button>`}
    </details>`;
}

/**
 * A bunker:// address without its one-time `secret`: what may stay on screen after a connect that
 * failed. The rest (the signer's key, its relays) is kept for the user to correct.
 */
function withoutSecret(address: string): string {
  try {
    const url = new URL(address.trim());
    if (!url.searchParams.has('secret')) return address;
    url.searchParams.delete('secret');
    return url.toString();
  } catch {
    // Not an address at all (a typo, a name@domain): nothing that reads as a secret stays either.
    return address.replace(/([?&])secret=[^&#]*/gi, '$1').replace(/[?&]+(?=&|#|$)/g, '');
  }
}

/** The card, as the session loads it (one export). */
export const signInCard = { render, withoutSecret, holdsSecretKey };
export type SignInCard = typeof signInCard;
