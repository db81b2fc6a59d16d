/**
 * Standard padded base64 (RFC 4648) for NIP-44 payloads, on the platform's native code where there is
 * some: `Uint8Array.prototype.toBase64` / `Uint8Array.fromBase64` (current browsers), else Node's
 * `Buffer`, else the `@scure/base` library. The library alone costs about half of the time of
 * creating or opening a large record where the platform has no built-in. Decoding is strict on every
 * path: only the alphabet, whole quanta, padding only at the end, and no stray bits in the last one.
 */
import { base64 as library } from '@scure/base';

interface NativeBase64 {
  toBase64(): string;
}
interface NativeFromBase64 {
  fromBase64(text: string, options: { lastChunkHandling: 'strict' }): Uint8Array;
}
interface NodeBuffer {
  from(data: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'base64'): string };
  from(text: string, encoding: 'base64'): Uint8Array;
}

const native = typeof (Uint8Array.prototype as Partial<NativeBase64>).toBase64 === 'function'
  && typeof (Uint8Array as Partial<NativeFromBase64>).fromBase64 === 'function';
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/** Bytes to padded base64. */
export function toBase64(bytes: Uint8Array): string {
  if (native) return (bytes as Uint8Array & NativeBase64).toBase64();
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return library.encode(bytes);
}

/** Padded base64 to bytes; throws on anything that is not canonical base64. */
export function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 !== 0) throw new Error('invalid base64');
  let bytes: Uint8Array;
  if (native) {
    bytes = (Uint8Array as unknown as NativeFromBase64).fromBase64(text, { lastChunkHandling: 'strict' });
  } else if (nodeBuffer) {
    const buffer = nodeBuffer.from(text, 'base64');
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else {
    // The library's decoder is strict by itself (alphabet, padding, stray bits).
    return library.decode(text);
  }
  // The native decoders are lenient: Buffer skips characters outside the alphabet and ignores
  // stray bits, the built-in skips whitespace. Canonical text is exactly what its bytes encode
  // back to, and that check runs at native speed, where a pattern test over the text cost as
  // much as the cipher itself on a 64 KB payload.
  if (toBase64(bytes) !== text) throw new Error('invalid base64');
  return bytes;
}
