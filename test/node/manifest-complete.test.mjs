// What a host can style or listen to is what the element's own code renders and dispatches; the
// manifest (and the README reference generated from it) must name each of them, or a portal
// developer never learns the part, custom property or event exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

/** The source of an element's own folder (its strings tables aside). */
function sourceOf(tag) {
  const dir = `components/${tag.replace(/^nip82-/, '')}`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.includes('.strings'))
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
    .join('\n');
}

for (const d of declarations) {
  const source = sourceOf(d.tagName);
  test(`<${d.tagName}> documents every part it renders`, () => {
    const documented = new Set((d.cssParts ?? []).map((p) => p.name));
    const rendered = new Set([...source.matchAll(/\spart="([^"$]+)"/g)].flatMap((m) => m[1].split(/\s+/)));
    assert.deepEqual([...rendered].filter((p) => !documented.has(p)).sort(), []);
  });
  test(`<${d.tagName}> documents every custom property of its own that its styles read`, () => {
    const documented = new Set((d.cssProperties ?? []).map((p) => p.name));
    const read = new Set([...source.matchAll(new RegExp(`var\\((--${d.tagName}-[\\w-]+)`, 'g'))].map((m) => m[1]));
    assert.deepEqual([...read].filter((p) => !documented.has(p)).sort(), []);
  });
  test(`<${d.tagName}> documents every event its own code dispatches`, () => {
    const documented = new Set((d.events ?? []).map((e) => e.name));
    const fired = new Set([...source.matchAll(/emit\(this, '([\w-]+)'/g)].map((m) => m[1]));
    assert.deepEqual([...fired].filter((e) => !documented.has(e)).sort(), []);
  });
}
