/**
 * Inline attachment data (`Attachment.data`, base64) decoded as UTF-8 text, for reading a clinical
 * note without fetching anything: a URL is never followed.
 */

/** One decoder for every note, made when first needed (lenient: a stray byte becomes a replacement character). */
let utf8: TextDecoder | undefined;

/**
 * The text of base64 `data`, at most `maxChars` characters; only that much is decoded (base64
 * groups of 4 characters carry 3 bytes). Undefined when it is not valid base64.
 */
export function decodeTextData(data: string, maxChars: number): { text: string; truncated: boolean } | undefined {
  const raw = data.replace(/\s+/g, '');
  const slice = raw.slice(0, Math.ceil(maxChars / 3) * 4);
  let binary: string;
  try {
    // Whole groups only: a cut inside one would make the rest undecodable.
    binary = atob(slice.length % 4 === 0 ? slice : slice.slice(0, slice.length - (slice.length % 4)));
  } catch {
    return undefined;
  }
  // A plain loop: a mapped Uint8Array.from walks the string through its iterator, about ten
  // times slower, and a record viewer decodes one text per note shown.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const text = (utf8 ??= new TextDecoder('utf-8', { fatal: false })).decode(bytes);
  return { text: text.slice(0, maxChars), truncated: raw.length > slice.length || text.length > maxChars };
}
