// `npm start` as a newcomer runs it: its first line, before the build is done, says what it is
// doing and about how long it takes (a silent terminal for half a minute looks hung); then the
// addresses, as before. The build is real, so the wait for the addresses is long but bounded. It
// runs in a copy of the checkout: rebuilding the kit's own dist/ would pull it from under the
// other tests that read it meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const checkout = fileURLToPath(new URL('../..', import.meta.url));
/** What `npm start` reads: the kit's sources, how it is built, and the demo. */
const STARTS_FROM = ['package.json', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'custom-elements-manifest.config.mjs', 'components', 'scripts', 'demo'];

/** A copy of the checkout with what `npm start` reads, on the same installed packages. */
function copyOfCheckout() {
  const copy = mkdtempSync(join(tmpdir(), 'nip82-start-'));
  for (const name of STARTS_FROM) cpSync(join(checkout, name), join(copy, name), { recursive: true, filter: (from) => !from.includes('/.demo-data') });
  symlinkSync(join(checkout, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Lines npm itself prints before the script's own (`> nip82-elements@0.1.0 start`, the command, a blank). */
const npmsOwn = (line) => line.startsWith('> ') || line.trim() === '';

test('npm start says at once that it is building and for about how long, then the addresses', { timeout: 600_000 }, async () => {
  const root = copyOfCheckout();
  const dist = join(root, 'dist');
  /** The newest time a file directly in dist/ was written (the build writes there as it goes). */
  const newestBuilt = () => Math.max(0, ...(statSync(dist, { throwIfNoEntry: false }) ? readdirSync(dist).map((name) => statSync(join(dist, name)).mtimeMs) : []));
  const dataDir = join(root, '.demo-data');
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
    rmSync(root, { recursive: true, force: true });
  }
});

/** The processes (pid) whose working folder is in `folder`: on Linux, read from /proc. */
function workingIn(folder) {
  const inside = realpathSync(folder);
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      if (cwd === inside || cwd.startsWith(`${inside}/`)) pids.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

/** Checks `condition` every few milliseconds until it holds, or fails after `ms` saying `what`. */
async function until(condition, what, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

// SIGHUP: the terminal it runs in closed.
test('npm start stopped (SIGTERM, SIGINT or SIGHUP) while it builds stops the build too, and starts nothing', { skip: !existsSync('/proc/self/cwd') && 'needs /proc', timeout: 180_000 }, async () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    const root = copyOfCheckout();
    // The start script itself, so that the signal reaches it alone, as one sent to its process id does.
    const start = spawn(process.execPath, ['demo/start.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: '0', RELAY_PORT: '0', DEMO_DATA_DIR: join(root, '.demo-data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    start.stdout.on('data', (chunk) => { output += chunk; });
    start.stderr.on('data', (chunk) => { output += chunk; });
    const exited = new Promise((ok) => start.once('exit', (code, by) => ok({ code, by })));
    try {
      await until(() => output.includes('Building the kit'), `${signal}: it never said it was building:\n${output}`);
      await until(() => workingIn(root).some((pid) => pid !== start.pid), `${signal}: the build never began`);
      start.kill(signal);
      const { code, by } = await exited;
      assert.ok(code !== 0 || by !== null, `${signal}: it exited as if all went well (${code})`);
      await until(() => workingIn(root).length === 0, `${signal}: the build was left running: ${workingIn(root).join(', ')}\n${output}`, 15_000);
      assert.doesNotMatch(output, /Starting the demo|Press Ctrl\+C/, `${signal}: the demo started anyway:\n${output}`);
    } finally {
      for (const pid of workingIn(root)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      rmSync(root, { recursive: true, force: true });
    }
  }
});
