// Every entry's signed digest is taken over this canonical form: on any JSON a relay can hand us
// it must be the reference library's text (RFC 8785), and refuse exactly what the library refuses.
// A guard for later changes: arbitrary JSON with astral characters and lone surrogates, numbers at
// the edges of precision, keys the engine orders by itself ("10", "2", "1") or treats specially.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { canonicalJson } from '../../dist/core/attest/canonical.js';
import { canonicalEntry } from '../../dist/core/index.js';

/** The library's text or its refusal, and ours: they must agree. */
function agrees(value) {
  let expected, ours, refusedThere = false, refusedHere = false;
  try {
    expected = canonicalize(value);
  } catch {
    refusedThere = true;
  }
  try {
    ours = canonicalJson(value);
  } catch {
    refusedHere = true;
  }
  assert.equal(refusedHere, refusedThere, `refusal differs for ${JSON.stringify(value)}`);
  assert.equal(ours, expected);
  // An entry that cannot be put in canonical form is the one typed refusal, nothing else.
  if (refusedHere) assert.throws(() => canonicalEntry({ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Basic', x: value } }), { code: 'malformed' });
}

const odd = fc.constantFrom('\ud800', '\udfff', '\ud83d\ude00', '\ud83d', 'a\u0000b', '\u2028', '"\\', '\u00e9', 'e\u0301', '\uffff');
const keys = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', 'toJSON', 'hasOwnProperty', '10', '2', '1', '01', '-1', '1.5', '4294967294', '4294967295'));
const numbers = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 5e-324, 1e21, 1e-7, Number.parseFloat('9007199254740993'), 2 ** 53, 0.1 + 0.2, 1.7976931348623157e308, NaN, Infinity));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), numbers, fc.string({ unit: 'binary' }), odd, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(keys, tie('value'), { maxKeys: 6 }),
}));

test('on arbitrary JSON the canonical form is the reference library text, refusals included', () => {
  fc.assert(fc.property(fc.jsonValue(), agrees), { numRuns: 800 });
  fc.assert(fc.property(fc.jsonValue({ stringUnit: 'binary' }), agrees), { numRuns: 800 });
  fc.assert(fc.property(json.value, agrees), { numRuns: 1500 });
  // As a relay hands it over: parsed text, duplicate keys included (the last one counts).
  fc.assert(
    fc.property(fc.array(fc.tuple(keys, fc.jsonValue({ maxDepth: 2 })), { maxLength: 8 }), (pairs) => {
      const text = '{' + pairs.map(([k, v]) => JSON.stringify(k) + ':' + JSON.stringify(v)).join(',') + '}';
      agrees(JSON.parse(text));
    }),
    { numRuns: 800 },
  );
});

test('numbers keep their shortest form at every edge', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => assert.equal(canonicalJson([d, { d }]), canonicalize([d, { d }]))), { numRuns: 5000 });
  assert.equal(canonicalJson([-0, 1e21, 1e-7, 5e-324, Number.parseFloat('9007199254740993')]), '[0,1e+21,1e-7,5e-324,9007199254740992]');
});
