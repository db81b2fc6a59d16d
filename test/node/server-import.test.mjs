// A portal built with a server-rendering framework imports the kit while it builds its pages on
// the server: Node, no DOM (no window, document, MutationObserver). Every entry point of the
// package's `exports` map, imported by its public name as such a portal would, must load there
// without throwing; the tags are defined in the browser. Each import runs in a fresh Node process,
// so no entry point sees what another one set up. Runs after the build (it imports dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** The importable entry points (not the wildcard, the manifest or package.json). */
const ENTRIES = Object.keys(pkg.exports)
  .filter((key) => !key.includes('*') && !key.endsWith('.json'))
  .map((key) => (key === '.' ? pkg.name : `${pkg.name}${key.slice(1)}`));

/** Imports one entry point in a fresh Node process with no DOM: its error message, or '' when it loaded. */
async function importAlone(specifier) {
  const script = `try { await import(${JSON.stringify(specifier)}); } catch (error) { console.log(String(error?.message ?? error)); }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  return stdout.trim();
}

test('every entry point of the package loads on a server with no DOM', async () => {
  assert.ok(ENTRIES.includes(`${pkg.name}/cdn/auto`) && ENTRIES.includes(`${pkg.name}/cdn`), 'the embeds are among the entry points');
  const failed = [];
  for (const specifier of ENTRIES) {
    const message = await importAlone(specifier);
    if (message) failed.push(`${specifier}: ${message}`);
  }
  assert.deepEqual(failed, []);
});
