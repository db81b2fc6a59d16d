/**
 * The other sessions of this origin (other tabs, windows, frames of the site): on a shared
 * computer a person signs out in one tab and walks away, and the records must not stay open in
 * the tab they forgot. A session tells the others when its user signed out, or when it closed the
 * records because the signer is now using another account; one that hears it closes its own.
 *
 * What goes out is only what happened: no key, no name, nothing of the user, since any page of
 * the origin may listen. The platform's BroadcastChannel keeps it within the origin and never
 * hands a message back to the channel that sent it.
 */

/** What happened in another session: its user signed out, or its records were closed because the account changed. */
export type OtherTabNews = 'signed-out' | 'account-changed';

/** One name for the whole origin: every kit session hears every other. */
const CHANNEL = 'nip82-session';

/** The message's one field, read from any sender of the origin: anything else is ignored. */
interface Message {
  nip82Session: OtherTabNews;
}

function newsIn(data: unknown): OtherTabNews | undefined {
  const news = (data as Partial<Message> | null)?.nip82Session;
  return news === 'signed-out' || news === 'account-changed' ? news : undefined;
}

/** The host's lifecycle, as an element's reactive controllers see it. */
interface Host {
  addController(controller: { hostConnected(): void; hostDisconnected(): void }): void;
}

/**
 * The channel to the other sessions, open while the host is on the page, and also while it is off
 * the page with someone signed in (a single-page app moves it, or keeps a hidden route's elements
 * for later): put back, it would otherwise stand for a person who signed out meanwhile. `heard`
 * gets what another session told; `alone` (read at each message, both ways) keeps a host's
 * deliberately separate session out of it; `holding` says whether the host still holds someone.
 */
export class OtherTabs {
  private channel?: BroadcastChannel;
  private connected = false;

  constructor(
    host: Host,
    private readonly heard: (news: OtherTabNews) => void,
    private readonly alone: () => boolean,
    private readonly holding: () => boolean,
  ) {
    host.addController(this);
  }

  /** Tells the other sessions what happened here; never sent by a session that was told (no echo). */
  tell(news: OtherTabNews): void {
    if (this.alone()) return;
    const message: Message = { nip82Session: news };
    this.channel?.postMessage(message);
  }

  hostConnected(): void {
    this.connected = true;
    // Browsers without it (very old ones) keep every tab to itself, as before.
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    // Only a weak hold on the session: an open channel is never collected, and a session taken off
    // the page for good must not be kept alive by it. Once collected, it holds no one to close.
    const self = new WeakRef(this);
    channel.onmessage = (event: MessageEvent) => {
      const tabs = self.deref();
      if (!tabs) return channel.close();
      tabs.hear(event.data);
    };
    this.channel = channel;
  }

  private hear(data: unknown): void {
    const news = newsIn(data);
    if (news && !this.alone()) this.heard(news);
    this.closeIfIdle();
  }

  /**
   * Off the page, the session keeps listening only while it holds someone; call it once it holds
   * no one (signed out while off the page).
   */
  closeIfIdle(): void {
    if (this.connected || (this.holding() && !this.alone())) return;
    this.channel?.close();
    this.channel = undefined;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.closeIfIdle();
  }
}
