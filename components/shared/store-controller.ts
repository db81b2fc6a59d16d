/**
 * Where an element's records come from. Inside a `<nip82-session>`, the session's one record store
 * (and its relays and signer); with its own `.signer` or `relays`, a store of the element's own,
 * made on first use. Either way the element follows the store in effect: a change of its content,
 * a clear, or another store taking its place (a sign-out, another user) is handed to the element,
 * and a store nobody uses any more is closed with the last user's keys in it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { RelayClient } from '../core/relay/client.js';
import { RecordStore, type StoreChange } from '../core/store/record-store.js';
import type { Signer } from '../core/signers/signer.js';
import { SignerError } from '../core/errors.js';
import { sessionContext, type SessionValue } from './context.js';
import { RelayListCheck, noRelayLeft, type CheckedRelays } from './relay-check.js';
import { whenLeft } from './left-page.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The one record store a host made for one signer, one set of relays and, with a signer shared by
 * several people over time (the session's), the user it was made for: kept while all stay, closed
 * (its keys wiped) when another takes its place, when dropped, and when the host leaves the page.
 * `changed` hears the held store's changes only.
 */
export class OwnedStore implements ReactiveController {
  private held?: { key: string; signer: Signer; user?: string; store: RecordStore; stop: () => void };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly changed?: (change: StoreChange, store: RecordStore) => void,
  ) {
    host.addController(this);
  }

  /** The store held, if any. */
  get store(): RecordStore | undefined {
    return this.held?.store;
  }

  /** The store held, if it was made for exactly this signer, these relays and this user (see {@link make}). */
  matching(signer: Signer | undefined, relays: readonly string[], user?: string): RecordStore | undefined {
    const held = this.held;
    return held && held.signer === signer && held.key === relays.join(' ') && held.user === user ? held.store : undefined;
  }

  /**
   * A new store for `signer` on `relays` (the one held before is closed; for the same signer and
   * reader, its record keys go to the new one); `reader` when the user's
   * key is known. `user`: who it is for, when the signer alone does not tell (the session's signer
   * stays the same object when the account is switched in the extension); another user, no match.
   */
  make(signer: Signer, relays: string[], reader?: string, user?: string): RecordStore {
    const last = this.held;
    const store = new RecordStore({ client: new RelayClient({ relays, signer }), signer, reader });
    // Only the relays changed: the same reader's record keys go along, so the signer is not asked again.
    if (reader && last?.signer === signer && last.user === user && last.store.reader === reader) last.store.keyCache.copyTo(store.keyCache);
    this.drop();
    const stop = this.changed ? store.subscribe((change) => this.changed!(change, store)) : () => undefined;
    this.held = { key: relays.join(' '), signer, user, store, stop };
    return store;
  }

  /** Whether the store held was made with `signer` for another user than `user` (see {@link make}). */
  otherUser(signer: Signer | undefined, user: string | undefined): boolean {
    return !!this.held && this.held.signer === signer && this.held.user !== user;
  }

  /**
   * Closes the store held: every record and key in it is forgotten. `userLeft`: its signer answers
   * for someone else now. A close lets a send under way finish, and a relay asking that send to
   * sign in would then be answered with the next person's key: the last user's sign-ins end
   * first, so that what was left of their send stops instead (see RelayClient.forgetSignIns).
   */
  drop(userLeft = false): void {
    if (!this.held) return;
    if (userLeft) this.held.store.client.forgetSignIns();
    this.held.stop();
    this.held.store.close();
    this.held = undefined;
  }

  hostDisconnected(): void {
    // A move is not a departure: the records stay unlocked, and the signer is not asked for them again.
    whenLeft(this.host, () => this.left());
  }

  /** The host left the page: the store goes, its keys wiped. */
  private left(): void {
    const held = this.held;
    // A send through this store's client (the host's own, or an element's inside a session) is not cut off.
    const work = held?.store.client.sendsDone;
    if (!held || !work) return this.drop();
    // Nobody gets it from now on; its keys are wiped once the send is done.
    this.held = undefined;
    held.stop();
    void work.finally(() => held.store.close());
  }
}

/** The host's own settings: a signer and relays set on the element itself win over the session's. */
export type OwnSettings = () => { signer?: Signer; relays: string[] };

export class StoreController implements ReactiveController {
  private readonly context: ContextConsumer<typeof sessionContext, Host>;
  private readonly own: OwnedStore;
  private watched?: { store: RecordStore; stop: () => void };
  /**
   * Who the host followed when it left the page (the store, its signer, reader and user, whether it
   * was the host's own): a page kept alive while detached hears no sign-out, so reattaching compares.
   */
  private left?: { store: RecordStore; signer?: Signer; reader?: string; user?: string; own: boolean };
  /** The host's own relay list, checked once per list given. */
  private readonly ownRelays: RelayListCheck;

  /**
   * @param changed called when the store's content changes, and with `replaced` when another
   *   store (or none) takes its place; the host resets what it showed of the last one.
   */
  constructor(
    private readonly host: Host,
    private readonly settings: OwnSettings,
    private readonly changed: (change: StoreChange | 'replaced') => void,
  ) {
    // Registered first, so that the session is known when this controller connects; the own
    // store last, so that this controller stops listening before the store is closed.
    this.context = new ContextConsumer(host, { context: sessionContext, subscribe: true });
    host.addController(this);
    this.own = new OwnedStore(host);
    this.ownRelays = new RelayListCheck(host);
  }

  /** What the enclosing `<nip82-session>` provides, if there is one. */
  get session(): SessionValue | undefined {
    return this.context.value;
  }

  /** The signer in effect: the element's own, else the session's. */
  get signer(): Signer | undefined {
    return this.settings().signer ?? this.session?.signer;
  }

  /**
   * Tells the developer of the entries dropped from the element's own relay list, once per list;
   * from the host's `willUpdate` (see {@link RelayListCheck.report}). The session reports its own.
   */
  reportRelays(): void {
    this.ownRelays.report(() => this.settings().relays);
  }

  /** The relays in effect: the element's own, else the session's. */
  get relays(): string[] {
    return this.relayList.relays;
  }

  /**
   * The relays in effect and the entries dropped from them. A list of the element's own wins even
   * when none of it is usable: the page meant those relays, not the session's.
   */
  get relayList(): CheckedRelays {
    const own = this.settings().relays;
    if (own.length) return this.ownRelays.check(own);
    return { relays: this.session?.relays ?? [], rejected: this.session?.rejectedRelays ?? [] };
  }

  /**
   * The record store in effect, if there is one yet: the session's, unless the element has its
   * own signer or relays; else the element's own, while it matches them. Never creates one.
   */
  get current(): RecordStore | undefined {
    const own = this.settings();
    if (!own.signer && !own.relays.length && this.session?.store) return this.session.store;
    return this.own.matching(this.signer, this.relays, this.user);
  }

  /**
   * Whose records a store of the host's own holds, when its signer is the session's: the session's
   * user. The session hears of another account in the signer (a sign-out, a share answered by
   * another key) and names someone else, or nobody: the host's own store of the last one then
   * matches no more and is closed with its keys, as the session's own is. Undefined with the host's
   * own signer, which only the host's own store follows.
   */
  get user(): string | undefined {
    return this.settings().signer ? undefined : this.session?.pubkey;
  }

  /**
   * The record store for the signer and relays in effect, made on first use when no session
   * provides one. Call it from a user action: it throws the relay list's typed errors.
   */
  require(): RecordStore {
    const current = this.current;
    if (current) return current;
    const signer = this.signer;
    if (!signer) throw new SignerError('absent', 'No signer: sign in first.');
    const { relays, rejected } = this.relayList;
    if (!relays.length && rejected.length) throw noRelayLeft(rejected);
    const store = this.own.make(signer, relays, undefined, this.user);
    this.watch();
    return store;
  }

  /** Follows the store in effect; a change of store, or a clear, is handed to the host. */
  watch(): void {
    const store = this.current;
    const left = this.left;
    const gone = !!left && this.userLeft(left, store);
    // Back on the page with no store to follow yet (its own was closed as it left, or the session's
    // value comes at the session's next update): what the host kept stays only while the same user
    // does, so the comparison is made again at each change until a store is followed.
    this.left = store || gone ? undefined : left;
    if (this.watched?.store === store && !gone) return;
    const had = !!this.watched || gone;
    this.watched?.stop();
    this.watched = undefined;
    // An own store nobody uses any more holds the last user's keys: close it.
    if (this.own.store && this.own.store !== store) this.own.drop(this.own.otherUser(this.signer, this.user));
    if (store) {
      const stop = store.subscribe((change) => {
        this.changed(change);
        this.host.requestUpdate();
      });
      this.watched = { store, stop };
    }
    if (had) this.changed('replaced');
  }

  hostConnected(): void {
    this.watch();
  }

  /**
   * Whether someone else (or nobody) is in since the host left the page: what it kept of the last
   * user goes, as at a sign-out seen live. Its own store was closed as it left, so there the signer
   * tells, and with the session's signer the session's user too (the same extension answers for
   * another account); the session's store stays while the same user does, so another one (or one
   * closed meanwhile: reattached outside the session, the last value stays) or another reader tells.
   */
  private userLeft(left: NonNullable<StoreController['left']>, store: RecordStore | undefined): boolean {
    if (left.own) return left.signer !== this.signer || left.user !== this.user;
    return left.store !== store || !!store?.isClosed || left.reader !== store?.reader;
  }

  hostDisconnected(): void {
    const watched = this.watched?.store;
    if (watched) this.left = { store: watched, signer: this.signer, reader: watched.reader, user: this.user, own: watched === this.own.store };
    this.watched?.stop();
    this.watched = undefined;
  }
}
