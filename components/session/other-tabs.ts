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
 * The channel to the other sessions, open while the host is on the page. `heard` gets what another
 * session told; `alone` (read at each message, both ways) keeps a host's deliberately separate
 * session out of it.
 */
export class OtherTabs {
  private channel?: BroadcastChannel;

  constructor(
    host: Host,
    private readonly heard: (news: OtherTabNews) => void,
    private readonly alone: () => boolean,
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
    // Browsers without it (very old ones) keep every tab to itself, as before.
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      const news = newsIn(event.data);
      if (news && !this.alone()) this.heard(news);
    };
    this.channel = channel;
  }

  /** Off the page, the session hears nothing and keeps no channel open. */
  hostDisconnected(): void {
    this.channel?.close();
    this.channel = undefined;
  }
}
