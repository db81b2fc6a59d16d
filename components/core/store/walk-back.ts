/**
 * Reads that walk back past a flood. Anyone may publish events that a reader's reads match (gift
 * wraps to them, record-kind events listing them) at no cost, dated after what the reader holds.
 * A read takes the newest first and stops at its bounds, so a flood larger than them would fill
 * every read and hide older events for good. A read cut short therefore remembers where it
 * stopped, and the next reads, besides the newest (new arrivals first), page back from there
 * until they reach what was all checked before (the floor), or the oldest event.
 *
 * One walk per kind of read (mail, records). No DOM: it runs in Node as in browsers.
 */
import type { NostrEvent } from '../events.js';
import { answered, type QueryReport } from '../relay/client.js';

/**
 * What a read checked. `cut`: it stopped at a bound, or a relay pages no further, before the
 * oldest event it asked for (what it returns has no gap above its oldest event, see
 * `RelayClient.queryAll`). `unchecked`: some relay did not answer (unreachable, timed out, closed
 * the read, or still asked for AUTH), so nothing is known of what that relay holds.
 */
export interface ReadCheck {
  cut: boolean;
  unchecked: boolean;
}

/** What a read of at most `maxEvents` events checked. */
export function readOf(found: { events: readonly NostrEvent[]; reports: readonly QueryReport[] }, maxEvents: number): ReadCheck {
  return {
    cut: found.events.length >= maxEvents || found.reports.some((r) => r.status === 'incomplete'),
    unchecked: found.reports.some((r) => !answered(r)),
  };
}

/** One read of a pass: the times of the events it walked through (not others fetched with them), and what it checked. */
export interface WalkRead {
  times: readonly number[];
  read: ReadCheck;
}

/** How a pass ended: whether everything since the floor was checked, on every relay, and whether a bound left older events unread. */
export interface WalkOutcome {
  reached: boolean;
  cutShort: boolean;
}

export class WalkBack {
  /**
   * Where the walk pages back from (`until`, inclusive): set once what a pass downloaded was all
   * taken in while older events were not downloaded. Undefined when no walk is under way.
   */
  private cursor?: number;
  /** The wall time of the pass that began the walk: when it ends, what existed then was all checked. */
  private from?: number;
  /**
   * Whether some relay did not answer a read of the walk under way: its end then vouches only for
   * the relays that answered, so it sets no floor, and the next walk starts again from the newest.
   */
  private partial = false;
  /**
   * Events dated before this were all checked, on every relay: anything published since is dated
   * later (by at most `lateness` less than its arrival). Undefined until a pass, or a walk, reached
   * the oldest with every relay answering.
   */
  private floorAt?: number;

  /** `lateness`: how much earlier than its arrival an event may be dated (a backdating protocol, clocks behind). */
  constructor(private readonly lateness: number) {}

  /** Where reads need not look below (`since`), if anywhere. */
  get floor(): number | undefined {
    return this.floorAt;
  }

  /** Where the page before the newest ends (`until`), while a walk is under way. */
  get until(): number | undefined {
    return this.cursor;
  }

  /**
   * A pass's bound for its newest read: all of `max` without a walk under way, else half, the page
   * before the cursor taking the rest.
   */
  newestShare(max: number): number {
    return this.cursor === undefined ? max : Math.max(1, Math.floor(max / 2));
  }

  /** Whether the page before the cursor is read too: unless the newest read reached the floor on every relay (nothing older is unchecked). */
  walksOn(newest: WalkRead): boolean {
    return this.cursor !== undefined && !this.covers(newest);
  }

  /**
   * Takes in one pass begun at `startedAt`: its newest read and, if read, the page before the
   * cursor. `taken`: everything they downloaded was taken in (opened, or found to be nothing for
   * the reader); else the walk stays where it is, so the next pass downloads the rest again.
   */
  step(startedAt: number, newest: WalkRead, walk: WalkRead | undefined, taken: boolean): WalkOutcome {
    const cursor = this.cursor;
    // Everything since the floor was downloaded from every relay: by the newest read, or by a walk
    // back that reached the floor with every relay answering each of its reads.
    const newestReached = this.covers(newest);
    const walkReached = !!walk && !walk.read.cut && !walk.read.unchecked && !this.partial;
    const newestCut = newest.read.cut && !newestReached;
    // Once everything downloaded is taken in, the reads reached the floor (what existed when they
    // started is all checked: the floor moves up) or the walk back moves on. A relay that did not
    // answer moves no floor: what it holds is checked at a later pass.
    if (taken) {
      if (newestReached || walkReached) {
        this.floorAt = (newestReached ? startedAt : this.from ?? startedAt) - this.lateness;
        this.cursor = this.from = undefined;
        this.partial = false;
      } else if (walk && !walk.read.cut) {
        // The walk reached the floor, but not on every relay: the next passes walk again from the newest.
        this.cursor = this.from = undefined;
        this.partial = false;
      } else if (newestCut || walk) {
        // From the oldest second reached, again (inclusive: more events of that second may wait);
        // one second further when a page brought nothing older (a relay cannot page past that
        // second). The relays that answered are read on: one that never answers does not stop the walk.
        const reached = (walk ?? newest).times;
        const oldest = reached.length ? Math.min(...reached) : undefined;
        if (cursor === undefined) this.from = startedAt;
        this.partial ||= (walk ?? newest).read.unchecked;
        this.cursor = oldest === undefined || (cursor !== undefined && oldest >= cursor) ? (cursor ?? startedAt) - 1 : oldest;
      }
    }
    return { reached: newestReached || walkReached, cutShort: newestCut && !(walk && !walk.read.cut) };
  }

  /** Forgets the walk and the floor (a clear: the next user's reads start from nothing). */
  reset(): void {
    this.cursor = this.from = this.floorAt = undefined;
    this.partial = false;
  }

  /**
   * Whether the newest read checked everything since the floor on every relay: it was not cut, or
   * it was cut below the floor (a read that does not start at the floor: no gap above its oldest
   * event, so the seconds after that are all in).
   */
  private covers(newest: WalkRead): boolean {
    if (newest.read.unchecked) return false;
    if (!newest.read.cut) return true;
    return this.floorAt !== undefined && newest.times.length > 0 && Math.min(...newest.times) < this.floorAt;
  }
}

/**
 * One report per relay for a pass of two reads (both ask the client's relays in its order): the
 * first trouble of the two, and the events of both.
 */
export function mergedReports(newest: readonly QueryReport[], walk: readonly QueryReport[] | undefined): QueryReport[] {
  return newest.map((r, i) => {
    const walked = walk?.[i];
    return walked ? { ...(r.status === 'complete' ? walked : r), events: r.events + walked.events } : r;
  });
}
