// The README's example of the core, run as written against a real relay: a host copying it gets
// code that works. Only what a page would supply is handed in: the relay's address for the
// example's, a key for the extension (Node has none), the bundle, and whom it is about.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { startRelay } from '../../scripts/relay.mjs';
import * as core from '../../dist/core/index.js';

useWebSocketImplementation(WebSocket);

const README_RELAY = 'wss://health-relay.example';

/** The README's first code block that imports from the core: its imports, and the code after them. */
function coreExample() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = readme.match(/```js\n(import \{[^}]*\} from 'nip82-elements\/core';\n[\s\S]*?)```/);
  assert.ok(block, 'the README has an example of the core');
  const [, imports, body] = block[1].match(/^import \{([^}]*)\} from 'nip82-elements\/core';\n([\s\S]*)$/);
  return { names: imports.split(',').map((n) => n.trim()).filter(Boolean), body };
}

let relay;
before(async () => { relay = await startRelay({}); });
after(async () => { await relay.close(); });

test('the README\'s example of the core runs as written: a record published, every record shared opened, access granted and revoked', async () => {
  const { names, body } = coreExample();
  for (const name of names) assert.ok(name in core, `the core exports ${name}, as the example imports it`);
  assert.ok(body.includes(README_RELAY), 'the example names its relay');
  const key = generateSecretKey();
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Observation', id: '1', status: 'final', code: { text: 'HbA1c' }, valueQuantity: { value: 6.1, unit: '%' } } }],
  };
  const given = {
    ...Object.fromEntries(names.map((name) => [name, core[name]])),
    nip07Signer: () => core.secretKeySigner(key),
    bundle,
    entry: bundle.entry[0],
    patientHex: getPublicKey(key),
    familyHex: getPublicKey(generateSecretKey()),
  };
  const AsyncFunction = (async () => undefined).constructor;
  const run = new AsyncFunction(...Object.keys(given), `${body.replaceAll(README_RELAY, relay.url)}\nreturn { records, revoked };`);
  const { records, revoked } = await run(...Object.values(given));
  assert.equal(records.length, 1, 'the record shared was opened');
  assert.equal(records[0].bundle.entry.find((e) => e.resource.resourceType === 'Observation').resource.code.text, 'HbA1c');
  assert.ok(revoked.events.length > 0, 'the revocation was made');
});
