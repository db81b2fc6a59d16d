// `npm start` when the usual port is taken: it says which port was busy and where it serves instead,
// rather than moving silently (a bookmark to the usual address would reach another program).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('a busy page port is named, with the address used instead', { timeout: 120_000 }, async () => {
  const squatter = http.createServer((_req, res) => res.end('another program'));
  await new Promise((ok) => squatter.listen(0, '127.0.0.1', ok));
  const busyPort = squatter.address().port;
  const dataDir = mkdtempSync(join(tmpdir(), 'nip82-demo-port-'));
  const child = spawn(process.execPath, ['demo/serve.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(busyPort), RELAY_PORT: '0', DEMO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    await new Promise((resolve, reject) => {
      const check = () => { if (/Note: port \d+ \(pages\) was busy/.test(output)) resolve(); };
      child.stdout.on('data', (chunk) => { output += chunk; check(); });
      child.stderr.on('data', (chunk) => { output += chunk; });
      child.once('exit', (code) => reject(new Error(`the demo exited (${code}) without naming the busy port:\n${output}`)));
    });
    const home = output.match(/home:\s+http:\/\/127\.0\.0\.1:(\d+)\//);
    assert.ok(home, output);
    assert.notEqual(Number(home[1]), busyPort);
    assert.match(output, new RegExp(`Note: port ${busyPort} \\(pages\\) was busy, so the pages are on port ${home[1]} instead`));
  } finally {
    child.kill('SIGINT');
    await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
    squatter.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
