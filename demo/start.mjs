// `npm start`: says at once what it is doing (the build takes a while, and a silent terminal looks
// hung), builds the kit the pages load, then runs the demo server (serve.mjs), which prints the
// addresses. The build's own output stays quiet unless it fails.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const windows = process.platform === 'win32';

console.log('Building the kit (about half a minute, longer on a busy computer)…');

/**
 * The stops that end this script while it builds: a process manager's, Ctrl+C, and the terminal
 * closed (SIGHUP, which would otherwise end this script alone and leave the build running).
 */
const STOPS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const code = await new Promise((resolve) => {
  /** The build, once started; the signal this script was stopped by while building, if it was. */
  let build;
  let stoppedBy;
  const stop = (signal) => {
    stoppedBy = signal;
    console.error('Stopped before the demo started.');
    try {
      if (windows) spawn('taskkill', ['/pid', String(build.pid), '/t', '/f'], { stdio: 'ignore' });
      else process.kill(-build.pid, signal);
    } catch {
      // Already gone.
    }
  };
  // Listened for before the build starts: a stop that came while it was being started would end
  // this script alone, and the build would run on with no one to stop it.
  for (const signal of STOPS) process.once(signal, stop);
  // Its own process group: the build is npm, a shell and the tools it runs in turn, and a stop
  // sent to this script alone (a process manager's SIGTERM) must reach every one of them.
  build = spawn('npm', ['run', '--silent', 'build:lib'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: windows, detached: !windows });
  build.once('error', (error) => {
    console.error(error.message);
    resolve(1);
  });
  build.once('exit', (exitCode, signal) => {
    // Stopped: exits once the build has, as a process stopped by that signal would (128 + its number).
    if (stoppedBy) process.exit(128 + constants.signals[stoppedBy]);
    // The demo server answers Ctrl+C and SIGTERM itself from here on; a closed terminal ends it
    // with this process, which holds all of it.
    for (const signal of STOPS) process.off(signal, stop);
    resolve(exitCode ?? (signal ? 1 : 0));
  });
});
if (code !== 0) {
  console.error('The build failed (see above), so the demo was not started.');
  process.exit(code);
}
console.log('Starting the demo…');
await import('./serve.mjs');
