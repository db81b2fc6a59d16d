// `npm start`: says at once what it is doing (the build takes a while, and a silent terminal looks
// hung), builds the kit the pages load, then runs the demo server (serve.mjs), which prints the
// addresses. The build's own output stays quiet unless it fails.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

console.log('Building the kit (about half a minute, longer on a busy computer)…');
const code = await new Promise((resolve) => {
  const build = spawn('npm', ['run', '--silent', 'build:lib'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  build.once('error', (error) => {
    console.error(error.message);
    resolve(1);
  });
  build.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
if (code !== 0) {
  console.error('The build failed (see above), so the demo was not started.');
  process.exit(code);
}
console.log('Starting the demo…');
await import('./serve.mjs');
