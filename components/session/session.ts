import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { Signer } from '../core/signers/signer.js';
import { loadPart, signerSaid } from '../core/errors.js';
import { NIP07_WATCH_MS, hasNip07, nip07Signer, waitForNip07 } from '../core/signers/nip07.js';
import type { RemoteSigner } from '../core/signers/bunker.js';
import type { RecordStore } from '../core/store/record-store.js';
import { sessionContext, type SessionValue } from '../shared/context.js';
import { emit } from '../shared/events.js';
import { relayList, relayListConverter, type RelayListInput } from '../shared/base.js';
import { StatusController, type Status } from '../shared/status-controller.js';
import { SignerGate } from '../shared/signer-gate.js';
import { OwnedStore } from '../shared/store-controller.js';
import { RelayListCheck } from '../shared/relay-check.js';
import { languageOf, resolveStrings } from '../shared/strings.js';
import { languageReady } from '../shared/language-packs.js';
import { LocalizedElement } from '../shared/localized-element.js';
import { knownName, shortNpub } from '../shared/identity.js';
import { tokens } from '../shared/styles.js';
import { sessionStyles } from './session.styles.js';
import { sessionStrings, type SessionBuiltins, type SessionStrings } from './session.strings.js';
import { OtherTabs, type OtherTabNews } from './other-tabs.js';
import { MAX_NAME_LOOKUPS, lookUpOwnName } from './own-name.js';
import type { RemoteSignIn } from './remote-sign-in.js';
import type { SignInCard } from './sign-in-card.js';

/**
 * The remote sign-in (the NIP-46 signer, the code to scan, their words), fetched the first time the
 * user submits an address or asks for a code; fetched again after a failure.
 */
let remoteSignInClass: Promise<typeof RemoteSignIn> | undefined;
const loadRemoteSignIn = (): Promise<typeof RemoteSignIn> => {
  remoteSignInClass ??= loadPart(() => import('./remote-sign-in.js').then((m) => m.RemoteSignIn));
  remoteSignInClass.catch(() => { remoteSignInClass = undefined; });
  return remoteSignInClass;
};

/**
 * The sign-in card (its buttons, the address field and their words), fetched the first time a
 * session shows it: never on a page whose host hands the session its signer. Fetched again after a
 * failure when the user presses "Try again" (the browser asks the server again for a module it
 * could not fetch, as for the other parts fetched on demand).
 */
let signInCardPart: Promise<SignInCard> | undefined;
let loadedCard: SignInCard | undefined;
/** Tells every session on the page that the card is here: one that could not fetch it shows it too. */
const cardArrived = new EventTarget();
const loadSignInCard = (): Promise<SignInCard> => {
  if (!signInCardPart) {
    signInCardPart = loadPart(() => import('./sign-in-card.js').then((m) => m.signInCard));
    signInCardPart.then((card) => {
      loadedCard = card;
      cardArrived.dispatchEvent(new Event('arrived'));
    }, () => { signInCardPart = undefined; });
  }
  return signInCardPart;
};

/** The states a failed sign-in leaves: after one, a host's signer is no longer taken to be on its way. */
const FAILED: ReadonlySet<Status> = new Set(['no-signer', 'refused', 'timed-out', 'relay-error', 'bad-data']);

type SignerKind = 'extension' | 'remote' | 'injected';

/**
 * Holds the relays, the user's signer and the session's one record store, and hands them to every
 * kit element inside it: records are loaded and opened once and every element shows them. Signs in
 * with a NIP-07 extension, a NIP-46 remote signer (bunker:// or a nostrconnect:// code with a QR),
 * or a signer the host injects. Signing out, another signer, or another key from the same signer
 * clears the store: every record and key of the last user is forgotten and every element resets.
 * A sign-out, or records closed because the account changed, closes them in the other sessions of
 * this site too (its other tabs, windows and frames), even one taken off the page meanwhile, unless
 * `no-shared-sign-out` is set; a sign-in is each tab's own.
 *
 * @summary Sign-in and shared context for the NIP-82 elements.
 * @tag nip82-session
 * @status experimental
 *
 * @slot - The elements that use this session.
 *
 * @fires nip82-session-change - Signed in or out; detail `{ pubkey?, signer? }`.
 * @fires nip82-signer-request - Cancelable; before the signer is first asked for the public key.
 * @fires nip82-error - Sign-in failed, or the `signer` handed in is none (code `unknown`), or an entry of `relays` is no ws:// or wss:// address (code `invalid-url`, once per list given); detail `{ code, message, action? }`.
 *
 * @csspart bar - The sign-in / signed-in bar.
 * @csspart status - The live status line.
 * @csspart qr - The nostrconnect:// QR code.
 * @csspart auth - The page a remote signer asks the user to open, while a call waits for it, and how long it waits (up to 5 minutes).
 * @csspart button - Every button.
 * @csspart button-primary - The main button (use the browser extension), beside `button`.
 * @csspart input - The remote signer address field.
 *
 * @cssproperty --nip82-session-bar-background - Bar background.
 * @cssproperty --nip82-session-bar-padding - Bar padding.
 */
export class Nip82Session extends LocalizedElement {
  static override styles = [tokens, sessionStyles];
  // No delegatesFocus: the slot holds the portal's page, and a click on its text would move the
  // focus to the first button here (Sign out), where the next Space signs the user out.

  private relayUrls: string[] = [];
  /** The relays given, sorted into the addresses used and the entries dropped; each bad list reported once. */
  private readonly relayCheck = new RelayListCheck(this);
  /** Whether the developer was told that someone signed in with no relays given at all (a misspelt attribute). */
  private noRelaysSaid = false;

  /** Relays for every element inside (space-separated in HTML; the property also takes that string). */
  @property({ converter: relayListConverter })
  get relays(): string[] {
    return this.relayUrls;
  }
  set relays(value: RelayListInput) {
    this.relayUrls = relayList(value);
  }

  /** A signer the host provides (e.g. its own login); the session is then signed in as `injected`. */
  @property({ attribute: false }) signer?: Signer;

  /** Hide the sign-in bar (the host signs in through `.signer` or its own UI). */
  @property({ type: Boolean, attribute: 'no-controls' }) noControls = false;

  /**
   * Signs out on its own: neither tells the other sessions of this site (tabs, windows, frames)
   * when its user signs out or its records are closed because the account changed, nor closes its
   * records when one of them does. For a host that deliberately runs separate sessions side by
   * side (e.g. two test users); on a shared computer, leave it off.
   */
  @property({ type: Boolean, attribute: 'no-shared-sign-out' }) noSharedSignOut = false;

  /** Override any built-in string. */
  @property({ attribute: false }) strings?: Partial<SessionStrings>;

  /**
   * Names the host vouches for, by public key (hex → name), e.g. its own accounts and its directory
   * of clinics and clinicians, cleaned of invisible and direction characters. The bar greets the
   * signed-in user by theirs; without one for the user, it looks up the user's own profile (kind 0)
   * on the session's relays and, until it answers or when it names nobody, shows the short npub.
   * Beside a name the short npub stays, muted, so that two accounts can still be told apart. Every
   * element inside names these people by them too (before any profile name, which is self-chosen):
   * the consent prompt, the access list, the recipient picker, the record viewer; an element's own
   * `knownNames` names a key first. The portal's, not the user's: a sign-out leaves them in place.
   */
  @property({ attribute: false }) knownNames?: Record<string, string>;

  /**
   * Read-only, reflected as the `status` attribute: `idle`, `waiting-signer`, `done` (signed in),
   * `no-signer`, `refused`, `timed-out`, `relay-error`, `bad-data`, `cancelled`; never `working`.
   * `relay-error` when a connection failed: the remote sign-in (a part of the kit fetched when first
   * used) could not be fetched (`nip82-error` code `part-unavailable`), or a signer handed in failed
   * with a `RelayError`. A remote signer that cannot be reached is `bad-data` (code `connection`).
   */
  get status(): Status {
    return this.state.status;
  }
  /** The state shown and what the status line says. */
  private readonly state = new StatusController(this);
  /** The cancelable request before a signer is contacted. */
  private readonly gate = new SignerGate(this, this.state);

  /** Read-only: the signed-in user's public key (hex), once known. A host signs in through `signer`. */
  get pubkey(): string | undefined {
    return this.user;
  }
  /** The signed-in user's key (see {@link pubkey}). */
  @state() private user?: string;

  @state() private kind?: SignerKind;
  /** The name the user's own profile gives, with the key it was looked up for (see {@link lookUpName}). */
  @state() private profileName?: { pubkey: string; name: string };
  /** The profile lookup for the user in effect: what it was asked for, and its abort (the key changed, or signed out). */
  private nameLookup?: { key: string; stop: AbortController };
  /** Lookups of the user's name that reached no server, for the key `key` (see {@link lookUpName}). */
  private nameMisses = { key: '', count: 0 };
  @state() private active?: Signer;
  @state() private extensionFound = false;
  /** The remote sign-in, once the user first asked for one (see {@link remoteSignIn}). */
  private remote?: RemoteSignIn;
  /** A bunker:// connect waits, and can be cancelled. */
  @state() private bunkerWaiting = false;
  @state() private bunkerInput = '';

  /** The one-time secret was taken out of the address after a failed connect (see {@link withoutSecret}). */
  @state() private secretDropped = false;
  /**
   * The sign-in under way. Signing out, a clear and any other sign-in abort it: the code shown stops
   * being listened to, a remote signer being connected or asked is closed, and a late answer to it
   * signs no one in.
   */
  private attempt?: AbortController;
  /** The extension is being asked who the user is: a second press would open a second prompt. */
  @state() private extensionAsked?: AbortSignal;

  /**
   * The signed-in user's records; replaced (the old one cleared) at every change of user, signer
   * or relays. The same signer answering with another key (switched in the extension): the store
   * cleared itself; the session now stands for the new key.
   */
  private readonly store = new OwnedStore(this, (change, store) => {
    if (change !== 'reader' || !store.reader) return;
    // The key question was answered, by another key: everything of the last one is gone already.
    this.keyUnanswered = false;
    this.otherTabs.tell('account-changed');
    this.user = store.reader;
    this.state.set('done', () => this.s.accountChanged);
    emit(this, 'nip82-session-change', { pubkey: store.reader, signer: this.kind });
  });

  /**
   * The other sessions of this site: told of a sign-out or an account change here, heard from
   * there, also while this session is off the page with someone signed in (see {@link OtherTabs}).
   */
  private readonly otherTabs = new OtherTabs(this, (news) => this.closedElsewhere(news), () => this.noSharedSignOut, () => this.active !== undefined);
  /** A host-injected signer whose request the host cancelled: not asked again until another is injected. */
  private declined?: Signer;

  @provide({ context: sessionContext })
  protected value?: SessionValue;

  /** The session's words; a remote sign-in under way words its own part (remote-sign-in.ts). */
  private get s(): SessionBuiltins {
    return resolveStrings(sessionStrings, this, this.strings);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Passive: only look for window.nostr; never call it before the user asks. An extension that
    // injects late (or is installed while the page is open) is still offered: the watch goes on, and
    // a user's click or key in the card looks again.
    this.onPage = new AbortController();
    const signal = this.onPage.signal;
    void waitForNip07(NIP07_WATCH_MS, undefined, signal).then((found) => { this.extensionFound ||= found; });
    this.addEventListener('pointerdown', this.lookForExtension, { signal });
    this.addEventListener('focusin', this.lookForExtension, { signal });
    cardArrived.addEventListener('arrived', this.cardFound, { signal });
    window.addEventListener('focus', this.keyMayHaveChanged, { signal });
    window.addEventListener('blur', this.pageLeft, { signal });
    document.addEventListener('visibilitychange', this.keyMayHaveChanged, { signal });
    // Moved on the page: leaving closed the store (its keys wiped); the elements inside need a new one.
    if (this.hasUpdated) {
      this.provideValue();
      this.lookUpName();
    }
  }

  /** Aborts as the element leaves the page: the extension watch ends and the listeners above go with it. */
  private onPage?: AbortController;

  private lookForExtension = () => {
    if (!this.extensionFound && hasNip07()) this.extensionFound = true;
  };

  /**
   * The sign-in card's last fetch failed (a lost connection): said in its place, with "Try again"
   * (see {@link retryCard}). Not tried again on a mere focus here: the button that would take the
   * focus would vanish under it.
   */
  @state() private cardLost = false;

  /** "Try again" was pressed and the card is on its way: the failure is unsaid until it fails again. */
  @state() private cardRetrying = false;

  /**
   * Fetches the card again. The failure's words and the button stay meanwhile (the focus with it);
   * failed again, the words come back, and are said again; here, the card shows, and a user whose
   * focus was on the button finds it on the card's first way in.
   */
  private retryCard = () => {
    if (this.cardRetrying) return;
    this.cardRetrying = true;
    void this.fetchCard().then(() => {
      this.cardRetrying = false;
      if (loadedCard) this.cardFound();
    });
  };

  /**
   * The card is here, fetched by this session's "Try again" or by another session on the page: the
   * failure is no longer true, and a user on "Try again" finds the focus on the card's first way in.
   */
  private cardFound = () => {
    if (!this.cardLost) return;
    this.cardLost = false;
    this.refocus(() => this.renderRoot.querySelector<HTMLElement>('.use-extension:not([disabled]), summary'));
  };

  /**
   * Whether the bar offers the sign-in: not to someone signed in, nor while a signer the host
   * handed in is being asked who the user is (the card would only flash), nor with no bar at all.
   */
  private get signInShown(): boolean {
    if (this.noControls || this.pubkey) return false;
    const hostSignerAsked = this.signer !== undefined && this.signer !== this.declined && this.kind !== 'extension' && this.kind !== 'remote' && !FAILED.has(this.state.status);
    return !hostSignerAsked;
  }

  /** The sign-in card on its way, for this session. */
  private cardArriving?: Promise<void>;

  /** The card is to show and is not here (nor failed to come). */
  private cardDue(): boolean {
    return !loadedCard && !this.cardLost && this.signInShown;
  }

  /** Fetches the card; a failure is shown in its place (see {@link renderSignIn}). */
  private fetchCard(): Promise<void> {
    return (this.cardArriving ??= loadSignInCard().then(
      () => undefined,
      () => { this.cardLost = true; },
    ).finally(() => { this.cardArriving = undefined; }));
  }

  /**
   * An update that shows the sign-in card before it is here shows the card's heading in its place
   * (see {@link renderSignIn}), and the card once it arrives (see {@link updated}): an update is never
   * held for it, or a sign-out on a slow connection would leave the last user's name on the bar.
   * `updateComplete` waits for the card.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.cardArriving) return done;
    await this.cardArriving;
    return super.getUpdateComplete();
  }


  /** The remote signer's sections already shown (see {@link updated}). */
  private readonly remoteSections = new WeakSet<Element>();

  /**
   * The remote signer's section, as it is first shown: open when no extension is there (it is the
   * only way in). Only then: an extension found later must not close it under a user typing in it.
   */
  protected override updated(): void {
    if (this.cardDue()) void this.fetchCard().then(() => this.requestUpdate());
    const section = this.renderRoot.querySelector('details');
    if (section && !this.remoteSections.has(section)) {
      this.remoteSections.add(section);
      section.open = !this.extensionFound;
    }
  }

  /** The page got the focus back since the last action began. */
  private focusedSinceAction = false;

  /**
   * The key question asked after a focus has not named the user yet (refused, failed or still
   * open): the next action asks again, so a refusal never lets the next press go unchecked.
   */
  private keyUnanswered = false;

  /** That key question while it waits for the answer: actions beginning meanwhile share it. */
  private keyQuestion?: Promise<void>;

  /**
   * The signer just named the user (a sign-in, or the account found after a switch): no reason to
   * ask at the next action, and a question asked before no longer stands for one.
   */
  private keyJustAsked(): void {
    this.focusedSinceAction = this.keyUnanswered = false;
    this.keyQuestion = undefined;
  }

  /** The page last lost the focus while a sign-in was under way: to the signer's own prompt. */
  private leftForSignIn = false;

  private pageLeft = () => {
    this.leftForSignIn = this.attempt !== undefined;
  };

  /**
   * Back on the page (from the extension's window, another tab or app), the user may have switched
   * keys. Nothing is asked now (a focus is not a user action), nor forgotten: an extension whose
   * prompts are windows of their own gives the focus back after each, and the action under way
   * would ask for the key again before every signature. The next action asks ({@link actionBegins}).
   */
  private keyMayHaveChanged = () => {
    if (document.visibilityState !== 'visible') return this.pageLeft();
    // Back from the sign-in's own prompt (the extension's window), the key is the one just given.
    if (!this.leftForSignIn) this.focusedSinceAction = true;
  };

  /**
   * An element's action begins: after a focus, the signer forgets the key it remembers, so this
   * action asks it once and, on another key, the store clears everything of the last one first.
   * A switch within an action is the signer's to notice (an event signed by another key).
   */
  private actionBegins = (signer: Signer) => {
    if (!this.keyToAsk(signer) || this.keyQuestion) return;
    this.focusedSinceAction = false;
    this.keyUnanswered = true;
    signer.forgetPublicKey?.();
    // Asked here, to hear the answer: the action asks the key first too, and the signer remembers
    // this answer for it, so the user still answers once. Another key: the store clears itself.
    const question = signer.getPublicKey().then(
      (pubkey) => { if (this.keyQuestion === question && signer === this.active && pubkey === this.pubkey) this.keyUnanswered = false; },
      () => undefined,
    ).finally(() => {
      if (this.keyQuestion === question) this.keyQuestion = undefined;
    });
    this.keyQuestion = question;
  };

  /**
   * Whether the next action with `signer` asks for the key (see {@link actionBegins}). Not for a
   * remote signer: its app is elsewhere (on a phone, every prompt leaves the page and comes back),
   * so each action would ask it over the relays; an account switched there shows in a signature.
   */
  private keyToAsk = (signer: Signer): boolean =>
    signer === this.active && this.kind !== 'remote' && (this.focusedSinceAction || this.keyUnanswered) && !!signer.forgetPublicKey;

  /** The signer being asked who is there now, after an answer from another account (see {@link accountChanged}). */
  private reasking?: Signer;

  /**
   * An element's action got an answer signed by another key than the user's: the account was
   * switched in the signer. Nothing of the last user stays a moment longer (the store is closed,
   * every element resets), then the signer is asked once who is there now: the bar names them, or,
   * if it will not say, nobody is signed in. Either way the status line says what happened.
   */
  private accountChanged = (signer: Signer): void => {
    if (signer !== this.active || this.reasking === signer) return;
    this.reasking = signer;
    const kind = this.kind;
    signer.forgetPublicKey?.();
    // The same signer answers for someone else: the last user's send still under way is not signed
    // in to a relay with the next one's key.
    this.store.drop(true);
    this.user = undefined;
    this.otherTabs.tell('account-changed');
    // The elements hear now, not at the next render, that there is no store: their dialogs close.
    this.provideValue();
    this.state.set('waiting-signer', () => this.s.asking);
    void signer.getPublicKey().then(
      (pubkey) => {
        if (this.active !== signer) return;
        this.keyJustAsked();
        this.user = pubkey;
        this.state.set('done', () => this.s.accountChanged);
        emit(this, 'nip82-session-change', { pubkey, signer: kind });
      },
      async () => {
        if (this.active !== signer) return;
        // The other sessions were told already, of the account change.
        await this.end(() => this.s.accountChanged);
      },
    ).finally(() => {
      if (this.reasking === signer) this.reasking = undefined;
    });
  };

  override disconnectedCallback(): void {
    // The store closes itself with the element (its controller); a sign-in under way is given up.
    super.disconnectedCallback();
    // Its answer would sign no one in: back on the page, the bar offers the sign-in again rather
    // than say it waits for the signer for good.
    if (this.attempt) this.state.set('idle', '');
    this.giveUp();
    this.stopNameLookup();
    this.onPage?.abort();
  }

  /** The store for the signer and relays in effect; a new one (the old one cleared) when either changed. */
  private storeFor(signer: Signer | undefined, relays: string[]): RecordStore | undefined {
    const held = this.store.matching(signer, relays);
    if (held) return held;
    if (signer && relays.length) return this.store.make(signer, relays, this.pubkey);
    this.store.drop();
    return undefined;
  }

  protected override willUpdate(): void {
    // First: a host answering the report by setting `relays` does so before the elements are handed them.
    this.relayCheck.report(() => this.relays);
    if (this.pubkey && !this.relays.length && !this.noRelaysSaid) {
      this.noRelaysSaid = true;
      console.warn('<nip82-session> relays: none given, so no record can be read or shared. Set its relays attribute to ws:// or wss:// addresses.');
    }
    if (this.signer && this.active !== this.signer && this.signer !== this.declined && this.kind !== 'extension' && this.kind !== 'remote') {
      const signer = this.signer;
      // Another person's signer: nothing the last one unlocked may stay in memory.
      this.store.drop();
      this.user = undefined;
      // The host handed a signer in; it is still asked only after the cancelable request.
      if (!this.gate.announce('connect')) {
        this.declined = signer;
        this.clear();
        this.state.set('cancelled', '');
        return this.provideValue();
      }
      this.giveUp();
      this.active = signer;
      this.kind = 'injected';
      // Inside the chain: something that is no signer (a remote signer's promise not awaited) fails as a state.
      void Promise.resolve().then(() => signer.getPublicKey()).then((pk) => {
        if (this.active !== signer) return;
        this.user = pk;
        this.state.status = 'done';
        emit(this, 'nip82-session-change', { pubkey: pk, signer: 'injected' });
      }).catch((error) => this.failed(error, 'host'));
    }
    if (!this.signer && this.kind === 'injected') {
      // The host took its signer back: signed out, and whoever logs sign-outs hears it.
      const was = this.user;
      this.clear();
      if (was) emit(this, 'nip82-session-change', {});
    }
    this.provideValue();
    this.lookUpName();
  }

  /** The name the bar greets `pubkey` by: the host's, else their profile's once found; '' when none. */
  private nameOf(pubkey: string): string {
    return knownName(pubkey, this.knownNames) || (this.profileName?.pubkey === pubkey ? this.profileName.name : '');
  }

  /**
   * For the user in effect, with no name from the host: their own profile's name, looked up once
   * (again for other relays). Another key, or nobody, first drops the last one's name and gives
   * their lookup up: an answer for the last person never names the next one.
   */
  private lookUpName(): void {
    const pubkey = this.pubkey;
    if (this.profileName && this.profileName.pubkey !== pubkey) this.profileName = undefined;
    // Off the page, nothing is asked (the lookup starts again when it is back).
    const relays = pubkey && this.isConnected && !knownName(pubkey, this.knownNames) ? this.usableRelays : [];
    const key = relays.length ? `${pubkey} ${relays.join(' ')}` : '';
    if (this.nameLookup?.key === key) return;
    this.stopNameLookup();
    if (!key || this.profileName?.pubkey === pubkey) return;
    const lookup = { key, stop: new AbortController() };
    this.nameLookup = lookup;
    void lookUpOwnName(relays, pubkey!, lookup.stop.signal).then((name) => {
      if (this.nameLookup !== lookup || this.pubkey !== pubkey) return;
      if (name) this.profileName = { pubkey: pubkey!, name };
      if (name !== undefined) return;
      // No server could be read (offline, too slow): a later update asks again, a few times at most.
      if (this.nameMisses.key !== key) this.nameMisses = { key, count: 0 };
      if (++this.nameMisses.count < MAX_NAME_LOOKUPS) this.nameLookup = undefined;
    });
  }

  /** The profile lookup under way is given up; its answer, if any, is dropped. */
  private stopNameLookup(): void {
    this.nameLookup?.stop.abort();
    this.nameLookup = undefined;
  }

  /** What the elements inside see: the relays, the signer once adopted, the user's key and the session's memories. */
  private provideValue(): void {
    // A bad entry costs only itself: the others are used, and the elements can tell the page's
    // mistake (every entry dropped) from relays never given.
    const { relays, rejected } = this.relayCheck.check(this.relays);
    // The store waits for the user's key: records are never fetched for a signer not yet asked.
    const store = this.pubkey ? this.storeFor(this.active, relays) : (this.store.drop(), undefined);
    const page = this.remote?.signerPage;
    const next: SessionValue = { relays, rejectedRelays: rejected, signer: this.active, pubkey: this.pubkey, store, actionBegins: this.actionBegins, keyToAsk: this.keyToAsk, accountChanged: this.accountChanged, signerPage: page, knownNames: this.knownNames, name: this.pubkey && this.nameOf(this.pubkey) };
    const prev = this.value;
    if (!prev || prev.signer !== next.signer || prev.pubkey !== next.pubkey || prev.relays.join() !== next.relays.join() || prev.rejectedRelays?.join() !== next.rejectedRelays?.join() || prev.store !== next.store || prev.signerPage?.href !== page?.href || prev.knownNames !== next.knownNames || prev.name !== next.name) this.value = next;
  }

  /** The cancelable request before a signer is contacted; false, in the cancelled state, when the host stops it. */
  private announce(): boolean {
    return this.gate.announce('connect');
  }

  /**
   * Starts a sign-in: whatever sign-in was under way is given up. The signal aborts when this one
   * is given up in turn; until then it is the one whose answer counts.
   */
  private begin(): AbortSignal {
    this.giveUp();
    this.attempt = new AbortController();
    return this.attempt.signal;
  }

  /** Gives the sign-in under way up (see {@link attempt}); nothing of it stays on screen. */
  private giveUp(): void {
    this.attempt?.abort();
    this.attempt = undefined;
    this.extensionAsked = undefined;
    this.bunkerWaiting = false;
    this.remote?.reset();
  }

  /**
   * Asks `signer` who the user is, for the sign-in `attempt` (see {@link begin}), once the request
   * went out. Given up meanwhile, a remote signer is closed at once and its answer, if any, is dropped.
   */
  private async signIn(kind: SignerKind, signer: Signer, attempt: AbortSignal): Promise<boolean> {
    const close = () => { void (signer as RemoteSigner).close().catch(() => undefined); };
    if (kind === 'remote') attempt.addEventListener('abort', close, { once: true });
    this.state.set('waiting-signer', () => this.s.asking);
    try {
      const pubkey = await signer.getPublicKey();
      if (attempt.aborted) return false;
      // Done: a later give-up (a sign-out) must not take this signer for an attempt still under way.
      attempt.removeEventListener('abort', close);
      this.attempt = undefined;
      // A focus before the sign-in is no reason to ask again at the first action.
      this.keyJustAsked();
      this.store.drop();
      this.active = signer;
      this.kind = kind;
      this.user = pubkey;
      this.state.set('done', () => this.s.connected);
      // The sign-in controls give way to the signed-in bar: a keyboard user stays on it.
      this.refocus(() => this.renderRoot.querySelector<HTMLElement>('.sign-out'));
      emit(this, 'nip82-session-change', { pubkey, signer: kind });
      return true;
    } catch (error) {
      if (!attempt.aborted) this.failed(error);
      // A remote signer that connected but would not say who the user is: no subscription or client key stays.
      if (kind === 'remote') close();
      return false;
    }
  }

  /**
   * Called just after a change that is about to be rendered: once it is, focus goes to `target`
   * if it is in this element now, as the control it is on may be going or being disabled (which
   * would drop a keyboard user on the page's body). Focus the user moved elsewhere is left alone.
   */
  private refocus(target: () => HTMLElement | null | undefined): void {
    if (!this.shadowRoot?.activeElement) return;
    void this.updateComplete.then(() => {
      // The update may have waited for a part on a slow connection: a user who has gone on
      // elsewhere meanwhile is left there. Focus dropped to the page's body is picked up.
      const onPage = this.ownerDocument.activeElement;
      if (!this.shadowRoot?.activeElement && onPage && onPage !== this.ownerDocument.body) return;
      target()?.focus();
    });
  }

  private readonly bunkerField = () => this.renderRoot.querySelector<HTMLInputElement>('input[name="bunker"]');

  /**
   * A failed sign-in: its state, the detail in the page's language, and `nip82-error` for the host.
   * `from`: the user's own remote sign-in, whose part fetched again on the next press needs no
   * reload, or a signer the host handed in, which nothing on this page asks again but a reload.
   */
  private failed(error: unknown, from?: 'remote' | 'host'): void {
    const { code, message } = this.state.fail(error, 'connect', error instanceof Error ? error.message : String(error));
    const lost = code === 'part-unavailable' ? from : undefined;
    // Read at each render, so the line follows the page's language if it changes later.
    this.state.message = () => (code === 'no-key' ? this.s.noKey(signerSaid(message))
      : lost === 'remote' ? this.s.remoteLost : lost === 'host' ? this.s.signerLost : this.s.errorDetail(code, message));
  }

  private useExtension = () => {
    if (this.extensionAsked || !this.announce()) return;
    const attempt = (this.extensionAsked = this.begin());
    void this.signIn('extension', nip07Signer(), attempt).finally(() => {
      if (this.extensionAsked === attempt) this.extensionAsked = undefined;
    });
  };

  private async connectBunker(event: Event): Promise<void> {
    event.preventDefault();
    // Submitted from the card, so it is here.
    const card = loadedCard;
    if (!card) return;
    const input = this.bunkerInput.trim();
    // Every form the recipient field refuses, not only a bare nsec1 at the start: wiped at once.
    if (card.holdsSecretKey(input)) {
      this.bunkerInput = '';
      this.state.set('bad-data', () => this.s.neverNsec);
      this.refocus(this.bunkerField);
      return;
    }
    // Connecting already talks to the remote signer: the request comes first. Cancelled, the
    // address stays, and so does the user, in the field.
    if (!this.announce()) {
      this.refocus(this.bunkerField);
      return;
    }
    const attempt = this.begin();
    // The address stays (read-only) until the sign-in is done: a typo or an unreachable signer is
    // corrected, not typed again. The focused Connect is disabled meanwhile: the user goes to Cancel.
    this.bunkerWaiting = true;
    this.state.set('waiting-signer', () => this.s.waitingForRemote);
    this.refocus(() => this.renderRoot.querySelector<HTMLElement>('.cancel-bunker'));
    try {
      const remote = await this.remoteSignIn();
      if (attempt.aborted) return;
      // Used once: the address (its secret with it) does not stay for the next person.
      if (await remote.connectBunker(input, attempt)) this.bunkerInput = '';
    } catch (error) {
      if (!attempt.aborted) this.failed(error, 'remote');
    } finally {
      // Given up, it was taken off screen then; a newer connect may be waiting now. Failed, the
      // user is back in the field, the address there to correct, but not its one-time secret: the
      // user may walk away, and the next person at this screen must not find it ready to use.
      if (!attempt.aborted) {
        this.bunkerWaiting = false;
        if (!this.pubkey) {
          const kept = card.withoutSecret(this.bunkerInput);
          this.secretDropped = kept !== this.bunkerInput;
          this.bunkerInput = kept;
          this.refocus(this.bunkerField);
        }
      }
    }
  }

  /** The relays given that are relay addresses (see {@link relayCheck}). */
  private get usableRelays(): string[] {
    return this.relayCheck.check(this.relays).relays;
  }

  /**
   * The remote sign-in, loaded the first time it is needed, with its words in the page's language
   * (a pack of their own) before anything of it is shown. Made once per session element.
   */
  private async remoteSignIn(): Promise<RemoteSignIn> {
    const RemoteSignInPart = await loadRemoteSignIn();
    await languageReady(languageOf(this));
    return (this.remote ??= new RemoteSignInPart({
      element: this,
      overrides: () => this.strings,
      signIn: (signer, attempt) => this.signIn('remote', signer, attempt),
      refocus: (target) => this.refocus(target),
      current: (attempt, signer) => this.attempt?.signal === attempt || (!!signer && this.active === signer),
    }));
  }

  private async showCode(): Promise<void> {
    const relays = this.usableRelays;
    if (!relays.length || !this.announce()) return;
    const attempt = this.begin();
    this.state.set('waiting-signer', () => this.s.waitingForRemote);
    try {
      const remote = await this.remoteSignIn();
      if (!attempt.aborted) await remote.showCode(relays, attempt);
    } catch (error) {
      if (!attempt.aborted) this.failed(error, 'remote');
    }
  }

  /** Cancel: the code shown or the bunker:// connect is given up (see {@link attempt}). */
  private cancelRemote = (): void => {
    const bunker = this.bunkerWaiting;
    this.giveUp();
    // The Cancel button goes: the user is back where the sign-in began.
    this.refocus(bunker ? this.bunkerField : () => this.renderRoot.querySelector<HTMLElement>('.show-code'));
    this.state.set('idle', '');
  };

  /**
   * Signs out: forgets the signer and wipes every record key this session held, and the other
   * sessions of this site (tabs, windows, frames) close theirs too (see `noSharedSignOut`).
   */
  async signOut(): Promise<void> {
    if (this.active) this.otherTabs.tell('signed-out');
    // The extension keeps its own unlock and this site's permission: the next person at the screen may find it open.
    await this.end((kind) => kind === 'extension' ? `${this.s.signedOut} ${this.s.extensionStillOpen}` : this.s.signedOut);
  }

  /**
   * Another session of this site signed out, or closed its records because the signer now uses
   * another account: the user walked away from this tab too, so it closes as a sign-out does, and
   * tells no one. A sign-in under way here is someone's own action, and is left alone.
   */
  private closedElsewhere(news: OtherTabNews): void {
    if (!this.active) return;
    void this.end((kind) => news === 'account-changed' ? this.s.accountChangedElsewhere
      : kind === 'extension' ? `${this.s.signedOutElsewhere} ${this.s.extensionStillOpen}` : this.s.signedOutElsewhere);
  }

  /** Signed out, for whatever reason: nothing of the user stays, the host is told, and `said` (given the signer's kind) is shown. */
  private async end(said: (kind: SignerKind | undefined) => string): Promise<void> {
    const was = this.active;
    const kind = this.kind;
    this.clear();
    // The Sign out button goes with the signed-in bar: a keyboard user lands on the way to sign in again.
    // No card to be had (a lost connection): on "Try again" in its place.
    this.refocus(() => this.renderRoot.querySelector<HTMLElement>('.use-extension:not([disabled])') ?? this.renderRoot.querySelector<HTMLElement>('details > summary') ?? this.renderRoot.querySelector<HTMLElement>('.retry-card'));
    // A host-injected signer belongs to the host, which is told by the event below and may inject
    // one again at its next sign-in; dropping the reference keeps the session signed out. Ours are closed.
    if (kind === 'injected') this.signer = undefined;
    if (kind === 'remote') await (was as RemoteSigner).close().catch(() => undefined);
    this.state.message = () => said(kind);
    emit(this, 'nip82-session-change', {});
  }

  /** Nothing of the last user stays: no records or keys, no sign-in of theirs under way, no address they typed. */
  private clear(): void {
    this.giveUp();
    this.bunkerInput = '';
    this.secretDropped = false;
    this.store.drop();
    this.active = undefined;
    this.user = undefined;
    this.kind = undefined;
    this.stopNameLookup();
    // Nothing of the last user stays, their key in the count of missed name lookups included.
    this.nameMisses = { key: '', count: 0 };
    this.profileName = undefined;
    this.state.status = 'idle';
    // Off the page, nobody is left to close when another session signs out.
    this.otherTabs.closeIfIdle();
  }

  /**
   * Who is signed in: by name where one is known (the host's, or the user's own profile's), with
   * the short npub beside it, muted, to tell accounts apart; else by the short npub alone.
   */
  private renderSignedIn(s: SessionBuiltins) {
    const kind = this.kind === 'extension' ? s.kindExtension : this.kind === 'remote' ? s.kindRemote : s.kindInjected;
    const short = shortNpub(this.pubkey!);
    const name = this.nameOf(this.pubkey!);
    // A page translation leaves a name as written (and a key, which is no word).
    const who = name ? html`<bdi class="name" translate="no">${name}</bdi>` : html`<code translate="no">${short}</code>`;
    return html`<span class="who">${s.signedInAs} ${who} ${s.via(kind)}${name ? html` <span class="account">${s.accountKey(short)}</span>` : nothing}</span>
      <button part="button" type="button" class="sign-out" @click=${() => this.signOut()}>${s.signOut}</button>`;
  }

  /** The sign-in card, once fetched (see {@link scheduleUpdate}); in its place, why it cannot be shown. */
  private renderSignIn(s: SessionBuiltins) {
    if (!loadedCard && this.cardLost) {
      return html`<span class="who">${s.signIn}</span>
        <p class="help lost-card" role="alert">${this.cardRetrying ? nothing : s.cardLost}</p>
        <button part="button" type="button" class="retry-card" aria-disabled=${this.cardRetrying ? 'true' : 'false'} @click=${this.retryCard}>${s.tryAgain}</button>`;
    }
    if (!loadedCard) return html`<span class="who">${s.signIn}</span>`;
    return loadedCard.render({
      element: this,
      extensionFound: this.extensionFound,
      extensionAsked: this.extensionAsked !== undefined,
      bunkerInput: this.bunkerInput,
      bunkerWaiting: this.bunkerWaiting,
      secretDropped: this.secretDropped,
      canShowCode: this.usableRelays.length > 0,
      code: this.remote?.codeShown ? this.remote.renderCode(s.cancel, this.cancelRemote) : undefined,
      useExtension: this.useExtension,
      connectBunker: (event) => void this.connectBunker(event),
      typed: (value) => {
        this.bunkerInput = value;
        this.secretDropped = false;
      },
      cancelRemote: this.cancelRemote,
      showCode: () => void this.showCode(),
    }, s);
  }

  /** Relays were given and none is usable: the patient can only tell the site, in plain words. */
  private settingsProblem(s: SessionBuiltins): string {
    const { relays, rejected } = this.relayCheck.check(this.relays);
    return !relays.length && rejected.length ? s.badStorageSettings : '';
  }

  override render() {
    const s = this.s;
    return html`
      ${this.noControls ? nothing : html`<div class="bar" part="bar">${this.pubkey ? this.renderSignedIn(s) : this.signInShown ? this.renderSignIn(s) : nothing}</div>`}
      <p class="status" part="status" role="status" aria-live="polite">${[this.state.message, this.settingsProblem(s)].filter(Boolean).join(' ') || nothing}</p>
      <div class="auth" part="auth" aria-live="polite">${this.remote?.renderAuthPage() ?? nothing}</div>
      <slot></slot>
    `;
  }
}
