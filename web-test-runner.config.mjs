import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { relayPlugin } from './scripts/wtr-relay-plugin.mjs';
import { sizePlugin } from './scripts/wtr-size-plugin.mjs';
import { lostModulePlugin } from './scripts/wtr-lost-module-plugin.mjs';
import { timeZonePlugin } from './scripts/wtr-time-zone-plugin.mjs';
import { headingsPlugin } from './scripts/wtr-headings-plugin.mjs';

const args = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--disable-default-apps',
  '--disable-extensions', '--metrics-recording-only', '--mute-audio',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
];

/**
 * The policy a careful host serves (test/embed-csp.test.ts): scripts and styles from its own
 * origin only, no eval, no inline script or style, sockets to the local test relays.
 */
export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ws://127.0.0.1:*; img-src 'self' data:; base-uri 'none'; form-action 'none'; object-src 'none'";

/**
 * A hospital's page that also enforces Trusted Types, allowing only the policies the README names:
 * the fixtures asked for with `?trusted-types`.
 */
export const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types lit-html dompurify";

function strictCspForFixtures(context, next) {
  if (context.path.startsWith('/test/fixtures/csp/')) context.set('Content-Security-Policy', 'trusted-types' in context.query ? `${STRICT_CSP}; ${TRUSTED_TYPES}` : STRICT_CSP);
  return next();
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  middleware: [strictCspForFixtures],
  plugins: [relayPlugin(), sizePlugin(), lostModulePlugin(), timeZonePlugin(), headingsPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args },
    }),
  ],
  // Lit's one-off dev-mode notice is noise; its real warnings are asserted on by litWarnings().
  filterBrowserLogs: ({ args }) => !String(args?.[0] ?? '').includes('Lit is in dev mode'),
  concurrency: 2,
  reporters: [defaultReporter(), countReporter()],
  // A limit for a test that hangs, sized for a 2-core machine busy with other work (tests wait for conditions).
  testFramework: { config: { timeout: 45000 } },
  testsFinishTimeout: 600000,
};
