/**
 * The session's remote sign-in once the user asks for one (a bunker:// address submitted, "Show a
 * code" pressed): the NIP-46 signer, the nostrconnect:// code to scan, copy or open in an app, and
 * the page a remote signer may ask the user to open. Loaded at that moment, in one file with its
 * words: a page whose user signs in through an extension or the host never downloads any of it.
 * The session keeps the controls that start it (the address field, "Show a code") and what a
 * failed connect leaves in the field.
 */
import { html, nothing, svg, type LitElement } from 'lit';
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import { bunkerSigner, nostrConnect, type NostrConnectSession, type RemoteSigner } from '../core/signers/bunker.js';
import { resolveStrings } from '../shared/strings.js';
import type { SessionStrings } from './session.strings.js';
import { remoteSignInStrings, type RemoteSignInStrings } from './remote-sign-in.strings.js';

/** What the remote sign-in asks of its session. */
export interface RemoteSignInHost {
  /** The session: re-rendered when what is shown here changes; focus goes to controls in its shadow root. */
  readonly element: LitElement;
  /** The host's overrides of the session's strings. */
  overrides(): Partial<SessionStrings> | undefined;
  /** Asks the connected signer who the user is, for the sign-in `attempt`; true once signed in. */
  signIn(signer: RemoteSigner, attempt: AbortSignal): Promise<boolean>;
  /** Focus to `target` once the change is rendered, if the focus is in the session now. */
  refocus(target: () => HTMLElement | null | undefined): void;
  /** Whether `attempt` is the sign-in under way, or `signer` the signer in use. */
  current(attempt: AbortSignal, signer: RemoteSigner | undefined): boolean;
}

/** The QR code of `text` as an SVG path and its size in modules. */
function qrPath(text: string): { size: number; path: string } {
  const code = generate(text);
  return { size: code.size, path: toSvgPath(code) };
}

export class RemoteSignIn {
  /** The nostrconnect:// code shown, while its sign-in waits for the signer app. */
  private connectSession?: NostrConnectSession;
  /** Whether the shown code was copied when the user asked (`false`: the browser would not). */
  private copied?: boolean;
  /** The page a remote signer asks the user to open (https only), or that it asked for one not offered. */
  private authPage?: URL | 'refused';
  /** How long the call waits for the user on that page, in ms from when it was asked (see `authWaitMs` of the remote signer). */
  private authWaitMs?: number;

  constructor(private readonly host: RemoteSignInHost) {}

  private get s(): RemoteSignInStrings {
    return resolveStrings(remoteSignInStrings, this.host.element, this.host.overrides());
  }

  private changed(): void {
    this.host.element.requestUpdate();
  }

  /** The remote signer's page the session offers in its bar, for the elements' open dialogs to point to. */
  get signerPage(): { href: string; host: string } | undefined {
    return this.authPage instanceof URL ? { href: this.authPage.href, host: this.authPage.host } : undefined;
  }

  /** Whether a code is shown (it then stands where "Show a code" was). */
  get codeShown(): boolean {
    return this.connectSession !== undefined;
  }

  /** The sign-in was given up (Cancel, a sign-out, another sign-in): nothing of it stays on screen. */
  reset(): void {
    // The code shown listens under the attempt's signal: it was cancelled with it.
    this.connectSession = undefined;
    this.copied = undefined;
    this.authPage = undefined;
    this.authWaitMs = undefined;
    this.changed();
  }

  /**
   * What a remote signer's `auth_url` does here: while its sign-in (`attempt`) is under way, or it
   * is the signer in use, an https page is offered as a link (never opened for the user); any other
   * is only mentioned. `undefined`: no call waits for it any more. For a page offered the call then
   * waits longer for the user (`AUTH_WAIT_MS` of the remote signer, 5 minutes, `waitMs` here), and
   * the user is told how long; Cancel and Sign out still end it at once. A page not offered is
   * declined (`false`): the user has nothing to finish there, so the call keeps its own deadline.
   */
  private authPageFor(attempt: AbortSignal, remote: () => RemoteSigner | undefined) {
    return (url: string | undefined, waitMs?: number): boolean => {
      const signer = remote();
      if (attempt.aborted || !this.host.current(attempt, signer)) return false;
      if (url === undefined) {
        this.authPage = undefined;
        this.authWaitMs = undefined;
        this.changed();
        return false;
      }
      let page: URL | undefined;
      try {
        page = new URL(url);
      } catch {
        page = undefined;
      }
      const offered = page?.protocol === 'https:';
      this.authPage = offered ? page : 'refused';
      this.authWaitMs = offered ? waitMs : undefined;
      this.changed();
      return offered;
    };
  }

  /**
   * Connects to the remote signer at a bunker:// address and signs the user in, for `attempt`.
   * True once signed in; throws what the connect threw (the session words it).
   */
  async connectBunker(input: string, attempt: AbortSignal): Promise<boolean> {
    let remote: RemoteSigner | undefined;
    const onAuthUrl = this.authPageFor(attempt, () => remote);
    remote = await bunkerSigner(input, { timeoutMs: 60_000, signal: attempt, onAuthUrl, name: document.title || this.s.appName });
    if (attempt.aborted) {
      await remote.close().catch(() => undefined);
      return false;
    }
    return this.host.signIn(remote, attempt);
  }

  /**
   * Shows a nostrconnect:// code listened for on `relays` and signs in whoever's signer app answers
   * it, for `attempt`; throws what the connect threw (the session words it). The code goes once it
   * is answered, given up or failed.
   */
  async showCode(relays: string[], attempt: AbortSignal): Promise<void> {
    this.copied = undefined;
    let remote: RemoteSigner | undefined;
    const onAuthUrl = this.authPageFor(attempt, () => remote);
    const session = nostrConnect({ relays, name: document.title || this.s.appName, connectTimeoutMs: 180_000, timeoutMs: 60_000, signal: attempt, onAuthUrl });
    this.connectSession = session;
    this.changed();
    // The code takes the place of the focused "Show a code" button: the user goes to its Cancel.
    this.host.refocus(() => this.host.element.renderRoot.querySelector<HTMLElement>('.cancel-code'));
    let signedIn = false;
    try {
      remote = await session.signer;
      // One that connects after Cancel, a sign-out or another sign-in is closed, not left connected.
      if (attempt.aborted) await remote.close().catch(() => undefined);
      else signedIn = await this.host.signIn(remote, attempt);
    } finally {
      if (this.connectSession === session) {
        this.connectSession = undefined;
        this.changed();
      }
      // Ended without a sign-in (refused, out of time, failed): the code and its Cancel go, and the
      // user is back on the button that showed it. Asked now, while the focus is still on that Cancel.
      if (!attempt.aborted && !signedIn) this.host.refocus(() => this.host.element.renderRoot.querySelector<HTMLElement>('.show-code'));
    }
  }

  /**
   * On a phone the code is on the same screen as the signer app: it cannot be scanned, so it is
   * copied (or opened in the app, where one takes such links). Whether the copy worked is said.
   */
  private async copyCode(uri: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(uri);
      this.copied = true;
    } catch {
      this.copied = false;
    }
    this.changed();
  }

  /** The code shown, with its ways to copy or open it and its Cancel (the session's words and action); nothing when none is. */
  renderCode(cancelText: string, cancel: () => void) {
    const session = this.connectSession;
    if (!session) return nothing;
    const s = this.s;
    const code = qrPath(session.uri);
    return html`<p>${s.scanCode}</p><svg class="qr" part="qr" role="img" aria-label=${s.scanCode} viewBox="-1 -1 ${code.size + 2} ${code.size + 2}">
        ${svg`<path d=${code.path} fill="#000"></path>`}
      </svg>
      <p class="uri"><code>${session.uri}</code></p>
      <div class="row">
        <button part="button" type="button" class="copy-code" @click=${() => this.copyCode(session.uri)}>${s.copyCode}</button>
        <a class="open-app" href=${session.uri}>${s.openInApp}</a>
        <button part="button" type="button" class="cancel-code" @click=${cancel}>${cancelText}</button>
      </div>
      <p class="help" role="status">${this.copied === undefined ? nothing : this.copied ? s.codeCopied : s.copyFailed}</p>`;
  }

  /** Plain words, the page's host as text, and a link the user opens themselves (never auto-opened). */
  renderAuthPage() {
    const page = this.authPage;
    if (!page) return nothing;
    const s = this.s;
    // Refused: no page to finish on, so no longer wait to speak of (the call keeps its own deadline).
    if (page === 'refused') return html`<p>${s.authRefused}</p>`;
    const wait = this.authWaitMs === undefined ? nothing : s.authWait(Math.max(1, Math.ceil(this.authWaitMs / 60_000)));
    return html`<p>${s.authNeeded(page.host)} ${wait}
      <a href=${page.href} target="_blank" rel="noopener noreferrer">${s.authOpen(page.host)}</a></p>`;
  }
}
