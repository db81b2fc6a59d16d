/**
 * One user action as a transaction: every event is signed before any is published, and publishing
 * remembers what went out, so the page can say exactly that and a retry sends the same signed
 * events (never signed again, never duplicated). No DOM and no Lit.
 */
import type { NostrEvent } from '../core/events.js';
import type { DeclineScope, PublishReceipt, RelayClient } from '../core/relay/client.js';
import { keepReceipts, receiptsOf } from '../shared/receipts.js';

/** The pieces of a consent action as a person knows them. */
export type PieceName = 'share' | 'answer' | 'copy';

/** One piece: its signed events, in publishing order. */
export interface Piece {
  name: PieceName;
  events: readonly NostrEvent[];
}

/** How far one piece went out: every event, some, or none. */
export interface PieceState {
  name: PieceName;
  sent: number;
  total: number;
  /** Events no storage server confirmed in time, that may still have reached one (not counted in `sent`). */
  unsure?: number;
}

export class SignedAction {
  readonly pieces: readonly Piece[];
  /** Ids of the events enough relays accepted. */
  private readonly accepted = new Set<string>();
  /**
   * Ids of the events some relay took or may have taken: one that did not answer in time may have
   * stored it (its answer just came late), and one that took it short of the quorum holds it. Never
   * forgotten: a later failed send there does not undo what the first may have done.
   */
  private readonly reached = new Set<string>();
  /** The newest receipt of each event at each relay. */
  private readonly latest = new Map<string, PublishReceipt>();
  /** The storage servers that took, or may have taken, some event (never forgotten, as {@link reached}). */
  private readonly reachedAt = new Set<string>();
  /** The storage servers of the last send: where every event should be. */
  private relays: readonly string[] = [];

  constructor(pieces: readonly Piece[]) {
    this.pieces = pieces.filter((p) => p.events.length > 0);
  }

  /** Every event, in publishing order. */
  get events(): NostrEvent[] {
    return this.pieces.flatMap((p) => [...p.events]);
  }

  /** Whether every event went out. */
  get complete(): boolean {
    return this.events.every((e) => this.accepted.has(e.id));
  }

  /**
   * Whether any event went out, or may have: then the action is only ever finished with these same
   * events, never dropped, denied or signed anew (a recipient may already hold part of it).
   */
  get started(): boolean {
    return this.reached.size > 0;
  }

  /**
   * Whether every storage server of the last send holds every event. A server passed over (its
   * sign-in not waited for) or down misses what the others took: the action may be in effect
   * and still not be everywhere.
   */
  get everywhere(): boolean {
    return this.events.every((e) => this.everywhereHas(e));
  }

  /** The storage servers of the last send that lack some event of it. */
  get missed(): string[] {
    return this.relays.filter((relay) => !this.events.every((e) => this.latest.get(`${relay} ${e.id}`)?.status === 'accepted'));
  }

  /** The storage servers that took, or may have taken, some event of it, ever. */
  get reachedRelays(): ReadonlySet<string> {
    return this.reachedAt;
  }

  /** Each piece and how much of it went out. */
  get states(): PieceState[] {
    const count = (p: Piece, out: (id: string) => boolean) => p.events.filter((e) => out(e.id)).length;
    return this.pieces.map((p) => ({
      name: p.name,
      sent: count(p, (id) => this.accepted.has(id)),
      total: p.events.length,
      unsure: count(p, (id) => this.reached.has(id) && !this.accepted.has(id)),
    }));
  }

  /** The receipts of every event, the newest per relay (an acceptance is never undone by a later failure there). */
  get receipts(): PublishReceipt[] {
    return [...this.latest.values()];
  }

  /**
   * Publishes, in order, the events not yet out; stops at the first one too few relays accepted
   * (later events may depend on it) and throws that {@link RelayError}. Events already out are
   * not sent again. Once `signal` is aborted no further event is sent, and its reason is thrown.
   * One call is one user action (a retry is another), with its sign-ins (`declined`): a relay the
   * user declines to sign in to, or passes over, is asked once in it, not once per event. With
   * `missed`, the events some storage server lacks are sent again (to every server: one that holds
   * an event already just says so), for an action in effect that did not reach everywhere.
   */
  async publish(client: RelayClient, signal?: AbortSignal, declined: DeclineScope = client.declineScope(), missed = false): Promise<void> {
    this.relays = client.relays;
    for (const event of this.events) {
      if (missed ? this.everywhereHas(event) : this.accepted.has(event.id)) continue;
      try {
        this.keep(await client.publishAll([event], { signal, declined }));
      } catch (error) {
        this.keep(receiptsOf(error));
        throw error;
      }
      this.accepted.add(event.id);
    }
  }

  private everywhereHas(event: NostrEvent): boolean {
    return this.relays.every((relay) => this.latest.get(`${relay} ${event.id}`)?.status === 'accepted');
  }

  private keep(receipts: readonly PublishReceipt[]): void {
    for (const r of receipts) {
      if (r.status !== 'accepted' && r.status !== 'timeout') continue;
      this.reached.add(r.eventId);
      this.reachedAt.add(r.relay);
    }
    keepReceipts(this.latest, receipts);
  }
}
