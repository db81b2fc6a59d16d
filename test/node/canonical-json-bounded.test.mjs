// A hostile entry can nest thousands deep and hold tens of thousands of values at the bottom: the
// canonical form (computed for every entry of a record opened) must cost about one step per value,
// not depth × values, or one such entry freezes the page for seconds. The cycle check is what could
// scan the path: count every element any array scan (includes/indexOf) walks while it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import canonicalize from 'canonicalize';
import { canonicalJson } from '../../dist/core/attest/canonical.js';
import { canonicalEntry } from '../../dist/core/index.js';

function scanned(run) {
  const { includes, indexOf } = Array.prototype;
  let walked = 0;
  Array.prototype.includes = function (...args) {
    walked += this.length;
    return includes.apply(this, args);
  };
  Array.prototype.indexOf = function (...args) {
    walked += this.length;
    return indexOf.apply(this, args);
  };
  try {
    return { out: run(), walked };
  } finally {
    Array.prototype.includes = includes;
    Array.prototype.indexOf = indexOf;
  }
}

test('an entry thousands deep with many values at the bottom costs about one step per value', () => {
  const depth = 3000;
  const width = 20000;
  const resource = JSON.parse('{"resourceType":"Basic","x":' + '{"a":'.repeat(depth) + '[' + Array(width).fill('{}').join(',') + ']' + '}'.repeat(depth) + '}');
  const entry = { fullUrl: 'urn:uuid:1', resource };
  const { out, walked } = scanned(() => canonicalEntry(entry));
  assert.equal(out, canonicalize(entry));
  assert.ok(walked <= depth + width, `the path was scanned ${walked} times for ${depth + width} values`);
});

test('nesting past what the page can hold is refused as a malformed entry, not a crash', () => {
  const deep = JSON.parse('['.repeat(100000) + ']'.repeat(100000));
  assert.throws(() => canonicalEntry({ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Basic', x: deep } }), { code: 'malformed' });
  // The same object twice is still no cycle, and a cycle still is one.
  const shared = { x: 1 };
  assert.equal(canonicalJson({ a: shared, b: [shared, [shared]] }), '{"a":{"x":1},"b":[{"x":1},[{"x":1}]]}');
  const loop = { a: [{}] };
  loop.a[0].b = loop;
  assert.throws(() => canonicalJson(loop), /canonical/i);
});
