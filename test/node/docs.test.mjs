// The README's element reference is generated from custom-elements.json (built by `npm run build`
// before these tests); a change to an element's JSDoc that was not carried into the README fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = (...args) => spawnSync(process.execPath, ['scripts/element-reference.mjs', ...args], { encoding: 'utf8' });

test('the README element reference matches the built manifest, element by element', () => {
  const check = run('--check');
  assert.equal(check.status, 0, check.stderr);
  const readme = readFileSync('README.md', 'utf8');
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
  assert.equal(tags.length, 6);
  for (const tag of tags) assert.match(readme, new RegExp(`### \`<${tag}>\``), `${tag} documented`);
  for (const event of ['nip82-share', 'nip82-revoke', 'nip82-answer', 'nip82-record-open']) assert.ok(readme.includes(`| \`${event}\` |`), `${event} in an events table`);
});

test('an element that renders another documents each of its parts under its prefix', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const parts = (tag) => (manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)?.cssParts ?? []).map((p) => p.name);
  for (const [outer, inner, prefix] of [['nip82-record-viewer', 'nip82-hidden-flag', 'flag'], ['nip82-consent-prompt', 'nip82-npub-picker', 'recipient']]) {
    assert.ok(parts(inner).length > 0, `${inner} has parts`);
    for (const part of parts(inner)) assert.ok(parts(outer).includes(`${prefix}-${part}`), `${outer} documents ${prefix}-${part}`);
  }
});

test('an element that renders another exports each of its parts, rendered or not yet', () => {
  // The lists handed to `exportparts`, as written in the source: a part the nested element gains
  // (documented in its JSDoc) and the list misses would be unstylable in states tests never render.
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const parts = (tag) => (manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)?.cssParts ?? []).map((p) => p.name);
  const listIn = (file, name) => {
    const source = readFileSync(file, 'utf8');
    const list = new RegExp(`const ${name} = \\[([^\\]]*)\\]`).exec(source)?.[1];
    assert.ok(list, `${name} in ${file}`);
    return [...list.matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
  };
  for (const [file, name, inner] of [
    ['components/record-viewer/record-viewer.ts', 'FLAG_EXPORTPARTS', 'nip82-hidden-flag'],
    ['components/consent-prompt/share-view.ts', 'PICKER_EXPORTPARTS', 'nip82-npub-picker'],
  ]) {
    assert.deepEqual(listIn(file, name).sort(), parts(inner).sort(), `${name} exports every part of <${inner}>`);
  }
});
