/**
 * NIP-11 relay information: the limits a relay advertises, so the kit sizes records to fit.
 */
import { DEFAULT_MAX_EVENT_BYTES } from '../nip82/constants.js';

/** The parts of a NIP-11 document the kit uses. */
export interface RelayInfo {
  name?: string;
  supported_nips?: number[];
  limitation?: {
    max_message_length?: number;
    max_content_length?: number;
    max_event_tags?: number;
    auth_required?: boolean;
    restricted_writes?: boolean;
  };
}

/** The NIP-11 document's http(s) URL for a ws(s) relay URL. */
export function infoUrl(relayUrl: string): string {
  return relayUrl.replace(/^ws(s?):\/\//i, 'http$1://');
}

/** The largest NIP-11 document read, in bytes: real ones are a few hundred. */
const MAX_INFO_BYTES = 65536;

/**
 * The body of `res` as text, or undefined once it passes `max` bytes: read piece by piece and
 * given up at the limit, so a relay streaming an endless document costs no more than that.
 */
export async function boundedText(res: Response, max: number): Promise<string | undefined> {
  if (Number(res.headers.get('content-length') ?? 0) > max) return undefined;
  const reader = res.body?.getReader();
  if (!reader) return undefined;
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** Fetches a relay's NIP-11 document; undefined when it has none, is too large, or does not answer in time. */
export async function fetchRelayInfo(relayUrl: string, timeoutMs = 3000): Promise<RelayInfo | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    // Neither the page's address (it can name the care: a clinic's page, a pet's) nor its cookies.
    const res = await fetch(infoUrl(relayUrl), { headers: { Accept: 'application/nostr+json' }, referrerPolicy: 'no-referrer', credentials: 'omit', signal: abort.signal });
    if (!res.ok) return undefined;
    const text = await boundedText(res, MAX_INFO_BYTES);
    if (text === undefined) return undefined;
    const info = JSON.parse(text) as unknown;
    return info && typeof info === 'object' ? (info as RelayInfo) : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The event-size budget that fits every relay whose limits are known (never above the default). */
export function eventBudget(infos: readonly (RelayInfo | undefined)[], fallback = DEFAULT_MAX_EVENT_BYTES): number {
  let budget = fallback;
  for (const info of infos) {
    const l = info?.limitation;
    if (!l) continue;
    // A message is ["EVENT",<event>]: leave room for the frame. Content is at most the event.
    if (Number.isSafeInteger(l.max_message_length) && l.max_message_length! > 1024) budget = Math.min(budget, l.max_message_length! - 16);
    if (Number.isSafeInteger(l.max_content_length) && l.max_content_length! > 1024) budget = Math.min(budget, l.max_content_length!);
  }
  return budget;
}

/** The event-size budget every relay of `relays` accepts, from their NIP-11 documents (never rejects). */
export async function relaysEventBudget(relays: readonly string[]): Promise<number> {
  return eventBudget(await Promise.all(relays.map((r) => fetchRelayInfo(r))));
}
