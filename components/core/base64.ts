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

const SHAPE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes to padded base64. */
export function toBase64(bytes: Uint8Array): string {
  if (native) return (bytes as Uint8Array & NativeBase64).toBase64();
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return library.encode(bytes);
}

/** Padded base64 to bytes; throws on anything that is not canonical base64. */
export function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !SHAPE.test(text)) throw new Error('invalid base64');
  if (native) return (Uint8Array as unknown as NativeFromBase64).fromBase64(text, { lastChunkHandling: 'strict' });
  if (!nodeBuffer) return library.decode(text);
  const buffer = nodeBuffer.from(text, 'base64');
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // Buffer ignores stray bits in the last quantum: encoding its bytes again must give it back.
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const tail = bytes.subarray(bytes.length - (3 - pad));
  if (text.length && toBase64(tail) !== text.slice(-4)) throw new Error('invalid base64');
  return bytes;
}
