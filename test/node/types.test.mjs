// The React 19 JSX typings (components/react.ts) compile in a consumer (test/types/react-consumer.tsx),
// whose @ts-expect-error lines prove the tags, properties and event details are typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test('a React 19 consumer type-checks against the JSX typings', () => {
  const run = spawnSync(process.execPath, [tsc, '-p', 'test/types'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

// A declaration the compiler writes out from an inferred type copies the members of this compiler's
// own DOM library (a shadow root's options, say); a host type-checking with another TypeScript
// version, whose DOM library differs, then gets errors inside the kit's files. The shipped
// declarations name the DOM's types instead. Members only the DOM's dictionaries have:
const DOM_DICTIONARY_MEMBERS = /\b(customElementRegistry|slotAssignment|delegatesFocus|serializable|clonable)\??:/;

test('the shipped declarations name DOM types rather than copy their members', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const files = (await readdir('dist', { recursive: true })).filter((file) => file.endsWith('.d.ts'));
  assert.ok(files.length > 10, 'run after the build: dist/ holds the declarations');
  const copying = [];
  for (const file of files) {
    const lines = (await readFile(`dist/${file}`, 'utf8')).split('\n');
    lines.forEach((line, i) => { if (DOM_DICTIONARY_MEMBERS.test(line)) copying.push(`dist/${file}:${i + 1}: ${line.trim()}`); });
  }
  assert.deepEqual(copying, [], 'declarations that copy DOM members break under another TypeScript version');
});
