// `npm start` as a newcomer runs it: its first line, before the build is done, says what it is
// doing and about how long it takes (a silent terminal for half a minute looks hung); then the
// addresses, as before. The build is real, so the wait for the addresses is long but bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

/** The newest time a file directly in dist/ was written (the build writes there as it goes). */
const newestBuilt = () => Math.max(0, ...readdirSync(dist).map((name) => statSync(join(dist, name)).mtimeMs));

/** Lines npm itself prints before the script's own (`> nip82-elements@0.1.0 start`, the command, a blank). */
const npmsOwn = (line) => line.startsWith('> ') || line.trim() === '';

test('npm start says at once that it is building and for about how long, then the addresses', { timeout: 600_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nip82-demo-start-'));
  const started = Date.now();
  // Its own process group, so that the build it runs is stopped with it whatever happens.
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: '0', RELAY_PORT: '0', DEMO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let first;
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const line = output.split('\n').slice(0, -1).find((l) => !npmsOwn(l));
        // Noted the moment it arrives: nothing the build writes is newer than the start yet.
        if (line !== undefined && first === undefined) first = { line, buildWroteYet: newestBuilt() >= started };
        if (output.includes('Press Ctrl+C')) resolve();
      });
      child.stderr.on('data', (chunk) => { output += chunk; });
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}) without printing the addresses:\n${output}`)));
    });
    assert.match(first.line, /^Building the kit \(about half a minute/, `the first line says what it is doing:\n${output}`);
    assert.equal(first.buildWroteYet, false, `the first line came only after the build had written the kit:\n${output}`);
    assert.match(output, /home:\s+http:\/\/127\.0\.0\.1:\d+\//);
    // Quiet otherwise: what it is doing, that the demo starts, then the server's own lines.
    const ownLines = output.split('\n').filter((l) => !npmsOwn(l));
    assert.deepEqual(ownLines.slice(0, 3), [first.line, 'Starting the demo…', 'nip82-elements demo'], output);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      process.kill(-child.pid, 'SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
