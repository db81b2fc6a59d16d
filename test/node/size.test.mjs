// The size gate of `npm run build` (scripts/size.mjs) on the embed bundle built before these tests:
// it prints the table and what the bundle is made of, and fails the build above its ceiling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const size = (env = {}) =>
  spawnSync(process.execPath, ['scripts/size.mjs', '--embed-only'], { encoding: 'utf8', env: { ...process.env, ...env } });

test('within the ceiling: the table, the origins and the verdict are printed, exit 0', () => {
  const run = size();
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /dist\/cdn\/nip82-elements\.js .*KB .*KB .*KB/);
  for (const origin of ['dompurify', 'lit-html', 'kit: record-viewer', '@noble/secp256k1']) assert.ok(run.stdout.includes(origin), origin);
  const { embedGzipTarget } = JSON.parse(readFileSync('size-budget.json', 'utf8'));
  assert.match(run.stdout, new RegExp(`target ${(embedGzipTarget / 1000).toFixed(1)} KB`));
});

test('above the ceiling: the build fails with the sizes in the message', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nip82-size-'));
  const file = path.join(dir, 'budget.json');
  writeFileSync(file, JSON.stringify({ embedGzipTarget: 1000, embedGzipCeiling: 2000 }));
  const run = size({ SIZE_BUDGET_FILE: file });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /above its ceiling of 2\.0 KB/);
});

test('the autoloaded core (nip82-core.js) fetches only core files: no element, no Lit, no autoloader, no language pack', () => {
  const { files } = JSON.parse(readFileSync('dist/cdn/auto/manifest.json', 'utf8'));
  const fetched = new Set();
  const walk = (file) => {
    if (fetched.has(file)) return;
    fetched.add(file);
    for (const dep of files[file].imports) walk(dep);
  };
  walk('nip82-core.js');
  assert.deepEqual([...fetched].filter((f) => f !== 'nip82-core.js' && !f.startsWith('chunks/core')), []);
});
