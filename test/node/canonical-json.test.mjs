// The canonical JSON (RFC 8785) every attested entry is hashed over, on the built core: the same
// text as the reference library for real records, the RFC's own examples, and the same refusals.
// A single character of difference would make every signed item read as changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { canonicalJson } from '../../dist/core/attest/canonical.js';
import { canonicalEntry } from '../../dist/core/index.js';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

test('every entry of real records reads exactly as the reference library writes it', () => {
  let n = 0;
  for (const name of ['synthea-patient.json', 'ips-all-sections.json']) {
    for (const entry of fixture(name).entry) {
      assert.equal(canonicalEntry(entry), canonicalize({ fullUrl: entry.fullUrl, resource: entry.resource }));
      n++;
    }
  }
  assert.ok(n > 100);
});

test('the RFC 8785 examples: numbers, escapes, literals, and keys sorted by UTF-16 code units', () => {
  const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}');
  assert.equal(canonicalJson(input), '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  const keys = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', 1: 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
  assert.equal(canonicalJson(keys), '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}');
  assert.equal(canonicalJson(keys), canonicalize(keys));
  assert.equal(canonicalJson({ b: [undefined, () => 1, -0, 'x'], a: undefined, c: { toJSON: () => 'now' } }), '{"b":[null,null,0,"x"],"c":"now"}');
  assert.equal(canonicalJson(undefined), undefined);
  // A long key list (sorted another way than a short one), in an order far from sorted, with keys past ASCII.
  const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`${String.fromCharCode(0x7a - (i % 26), 0xe0 + (i % 40))}${(i * 7919) % 500}`, i]));
  assert.equal(canonicalJson(many), canonicalize(many));
});

test('what has no canonical form is refused, as before', () => {
  assert.throws(() => canonicalJson({ a: 'x\ud800' }), /canonical/i);
  assert.throws(() => canonicalJson({ ['\udc00']: 1 }), /canonical/i);
  assert.throws(() => canonicalJson([Number.NaN]));
  assert.throws(() => canonicalJson({ a: Infinity }));
  assert.throws(() => canonicalJson({ a: 1n }));
  const loop = { a: {} };
  loop.a.b = loop;
  assert.throws(() => canonicalJson(loop), /canonical/i);
  // The same object twice is no cycle.
  const shared = { x: 1 };
  assert.equal(canonicalJson({ a: shared, b: [shared] }), '{"a":{"x":1},"b":[{"x":1}]}');
  assert.throws(() => canonicalEntry({ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Basic', note: 'a\udfff' } }), { code: 'malformed' });
});
