/**
 * Looking a NIP-05 name up, bounded: the name's server is anyone's, so the lookup gives up after
 * a few seconds, reads at most a small document, and asks only a named host on the Internet (an
 * IP address or a one-word host points into the user's own network: a router, a printer, the
 * portal's back office). The picker's own, not nostr-tools' `queryProfile`: that one waits for
 * good and reads any size, and its fetch hook is shared by the whole page.
 */
import { NIP05_REGEX } from 'nostr-tools/nip05';
import { boundedText } from '../core/relay/info.js';

/** Long enough for a slow server, short enough that "Checking…" ends. */
const LOOKUP_MS = 5000;
/** A real nostr.json naming one person is well under a kilobyte; a domain's full list rarely tens. */
const MAX_BYTES = 65536;
/** A last label that makes a host an IPv4 address to a browser (a number, decimal or hex). */
const NUMERIC_LABEL = /^(?:\d+|0x[\da-f]*)$/i;

/** The key `name` (`local@host`, or `host` for `_@host`) names, or undefined: not found, refused, too slow or too large. */
export async function lookUpName(name: string): Promise<unknown> {
  const match = NIP05_REGEX.exec(name);
  if (!match) return undefined;
  const [, local = '_', host = ''] = match;
  if (!host.includes('.') || NUMERIC_LABEL.test(host.slice(host.lastIndexOf('.') + 1))) return undefined;
  try {
    const signal = AbortSignal.timeout(LOOKUP_MS);
    // No Referer: the portal's address would tell the name's server where the person gets care.
    const res = await fetch(`https://${host}/.well-known/nostr.json?name=${encodeURIComponent(local)}`, { redirect: 'manual', credentials: 'omit', referrerPolicy: 'no-referrer', signal });
    // The timeout covers the body too: a server trickling bytes is cut off with the rest.
    const text = res.status === 200 ? await boundedText(res, MAX_BYTES) : undefined;
    if (text === undefined) return undefined;
    const names = (JSON.parse(text) as { names?: unknown } | null)?.names;
    return names && typeof names === 'object' && Object.hasOwn(names, local) ? (names as Record<string, unknown>)[local] : undefined;
  } catch {
    return undefined;
  }
}
