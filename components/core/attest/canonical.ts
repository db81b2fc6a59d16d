/**
 * RFC 8785 canonical JSON (JCS), written for the reader's budget: opening a record puts every entry
 * in canonical form, and a general-purpose version (a fresh Set per key, a sorted copy of every
 * key list, an array of pieces joined per object) left tens of megabytes of short-lived garbage per
 * thousand entries, collected in one long pause. This one appends to one string, sorts each key
 * list in place, and checks for cycles in one shared set (a scan of the path would make a hostile
 * entry, thousands deep and wide at the bottom, cost depth × width). Same output, same refusals: a lone
 * surrogate, a number that is not finite, a cycle, a BigInt.
 */

/** A UTF-16 surrogate that is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The canonical JSON of `value`, or undefined when it has no JSON form (undefined, a symbol, a function). */
export function canonicalJson(value: unknown): string | undefined {
  return write(value, new Set());
}

function write(value: unknown, stack: Set<object>): string | undefined {
  if (typeof value !== 'object' || value === null) {
    const type = typeof value;
    if (type === 'string' ? LONE_SURROGATE.test(value as string) : (type === 'number' || type === 'bigint') && !Number.isFinite(value)) throw new Error('No canonical JSON');
    return JSON.stringify(value);
  }
  if (stack.has(value)) throw new Error('No canonical JSON');
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  stack.add(value);
  let out: string | undefined;
  if (typeof toJSON === 'function') out = write(toJSON.call(value), stack);
  else if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i], stack) ?? 'null');
    out += ']';
  } else {
    const keys = Object.keys(value);
    // Sorted in place by UTF-16 code units, as RFC 8785 asks (a sorted copy is garbage). Most key
    // lists are short and take the simple loop; a long one (a hostile entry may hold thousands) the
    // library sort, so no entry costs quadratic time.
    if (keys.length > 32) keys.sort();
    else
      for (let i = 1; i < keys.length; i++) {
        const key = keys[i]!;
        let j = i - 1;
        for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
        keys[j + 1] = key;
      }
    out = '';
    for (const key of keys) {
      const text = write((value as Record<string, unknown>)[key], stack);
      if (text !== undefined) out += (out ? ',' : '') + write(key, stack) + ':' + text;
    }
    out = '{' + out + '}';
  }
  stack.delete(value);
  return out;
}
