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
