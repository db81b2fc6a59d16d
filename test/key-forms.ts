/** The shapes a 32-byte key takes when it leaks, for the key-hygiene tests. */
import { bytesToHex } from '@noble/hashes/utils.js';

/** The forms 32 key bytes take when they leak into text. */
export function textForms(key: Uint8Array): string[] {
  const latin1 = String.fromCharCode(...key);
  const base64 = btoa(latin1);
  return [
    bytesToHex(key), bytesToHex(key).toUpperCase(), base64, base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    key.join(','), JSON.stringify(key), JSON.stringify([...key]), latin1,
  ];
}

/** Every byte array reachable from `value` (plain objects, arrays, maps, sets), whatever their length. */
export function byteArrays(value: unknown, seen = new Set<unknown>()): Uint8Array[] {
  if (value === null || typeof value !== 'object' || seen.has(value) || value instanceof Node) return [];
  seen.add(value);
  if (value instanceof Uint8Array) return [value];
  if (ArrayBuffer.isView(value)) return [new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
  if (value instanceof ArrayBuffer) return [new Uint8Array(value)];
  const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
  return children.flatMap((child) => byteArrays(child, seen));
}

export const containsBytes = (haystack: Uint8Array, key: Uint8Array) => {
  outer: for (let i = 0; i + key.length <= haystack.length; i++) {
    for (let j = 0; j < key.length; j++) if (haystack[i + j] !== key[j]) continue outer;
    return true;
  }
  return false;
};
