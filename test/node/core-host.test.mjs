// The core as a host that uses none of the elements meets it (an EHR back end on Node 20): what it
// gets wrong by mistake is said at once, as a typed error, never read as "nothing there".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { useWebSocketImplementation } from 'nostr-tools/pool';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { npubEncode, nsecEncode } from 'nostr-tools/nip19';
import { bytesToHex } from '@noble/hashes/utils.js';
import { startRelay } from '../../scripts/relay.mjs';
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ts from 'typescript';
import * as core from '../../dist/core/index.js';

const { RelayClient, RelayError, SignerError, RecordError, RecordStore, createAccessRequest, createRecord, nostrIdentifier, secretKeySigner, conversationKey, nip44Encrypt, nip44Decrypt } = core;

useWebSocketImplementation(WebSocket);

let relay;
let client;
before(async () => {
  relay = await startRelay({});
  client = new RelayClient({ relays: [relay.url] });
});
after(async () => {
  client.close();
  await relay.close();
});

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Observation', id: '1', status: 'final', code: { text: 'HbA1c' } } }],
};

test('a clinic that looks its records up by its npub (or any key not in hex) is told so, not handed an empty list', async () => {
  const clinicKey = generateSecretKey();
  const clinic = getPublicKey(clinicKey);
  const author = secretKeySigner(generateSecretKey());
  await client.publishAll(await createRecord({ bundle, author, participants: [{ pubkey: clinic, role: 'viewer' }] }));
  const { events } = await client.recordsFor(clinic);
  assert.ok(events.length > 0, 'the record is there under the hex key');
  for (const wrong of [npubEncode(clinic), clinic.toUpperCase(), `${clinic} `, '']) {
    await assert.rejects(client.recordsFor(wrong), (e) => e instanceof RecordError && e.code === 'invalid-input', `records for ${JSON.stringify(wrong.slice(0, 12))}`);
    await assert.rejects(client.wrapsFor(wrong), (e) => e instanceof RecordError && e.code === 'invalid-input', `mail for ${JSON.stringify(wrong.slice(0, 12))}`);
  }
});

/** The README's example of the core that imports `marker`: its import list, and the code after it. */
function readmeExample(marker) {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```js\n(import \{[^}]*\} from 'nip82-elements\/core';\n[\s\S]*?)```/g)].map((m) => m[1]);
  const block = blocks.find((b) => b.slice(0, b.indexOf('from')).includes(marker));
  assert.ok(block, `the README has an example of the core using ${marker}`);
  const [, imports, body] = block.match(/^import \{([^}]*)\} from 'nip82-elements\/core';\n([\s\S]*)$/);
  return { names: imports.split(',').map((n) => n.trim()).filter(Boolean), body };
}

test('the README\'s share, as a host writes it from the core alone, is a share: listed with its terms, not as one more health record, answered and revoked', async () => {
  const { names, body } = readmeExample('createShare');
  const patientKey = generateSecretKey();
  const patient = getPublicKey(patientKey);
  const clinic = secretKeySigner(generateSecretKey());
  const clinicKey = await clinic.getPublicKey();
  const visit = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', identifier: [nostrIdentifier(patient)] } },
      { fullUrl: 'urn:uuid:o', resource: { resourceType: 'Observation', status: 'final', code: { text: 'HbA1c' }, subject: { reference: 'urn:uuid:p' } } },
    ],
  };
  await client.publishAll(await createRecord({ bundle: visit, author: clinic, participants: [{ pubkey: patient, role: 'editor' }] }));
  await client.publishAll((await createAccessRequest({ signer: clinic, patient, resourceTypes: ['Observation'], purpose: 'Diabetes check', days: 36_500 })).events);

  const given = { ...Object.fromEntries(names.map((name) => [name, core[name]])), signer: secretKeySigner(patientKey) };
  const AsyncFunction = (async () => undefined).constructor;
  const run = new AsyncFunction(...Object.keys(given), `${body.replaceAll('wss://health-relay.example', relay.url)}\nreturn { store, copy };`);
  const { store, copy } = await run(...Object.values(given));
  try {
    assert.equal(store.held.length, 1, 'the patient holds their one record; the share is no second one');
    assert.equal(store.shares.length, 1, 'the share is listed as a share');
    assert.equal(store.shares[0].grant.recipient, clinicKey);
    assert.equal(store.shares[0].grant.until, '2030-06-30');
    assert.equal(store.shares[0].status, 'revoked');
    const history = store.history().filter((h) => h.who === clinicKey).map((h) => h.kind);
    assert.ok(history.includes('shared') && history.includes('revoked'), `the consent history tells of the share and its end: ${history}`);

    const clinicStore = new RecordStore({ client: new RelayClient({ relays: [relay.url] }), signer: clinic });
    try {
      await clinicStore.readMail();
      const answer = clinicStore.messages.find((m) => m.status === 'active');
      assert.deepEqual(answer?.records, copy.naddrs, 'the clinic is answered with the share');
    } finally {
      clinicStore.close();
      clinicStore.client.close();
    }
  } finally {
    store.close();
    store.client.close();
  }
});

test('on Node 20 with no WebSocket given, every read and send says so at once, typed; given one, the same client works', async () => {
  // Its own process: the WebSocket a host gives nostr-tools is kept for the whole process.
  const script = `
    import WebSocket from 'ws';
    import { useWebSocketImplementation } from 'nostr-tools/pool';
    import { generateSecretKey } from 'nostr-tools/pure';
    import { RelayClient, RecordStore, createRecord, secretKeySigner } from './dist/core/index.js';
    const signer = secretKeySigner(generateSecretKey());
    const me = await signer.getPublicKey();
    const client = new RelayClient({ relays: [process.argv[1]], signer });
    const events = await createRecord({ bundle: ${JSON.stringify(bundle)}, author: signer, participants: [] });
    const outcome = async (run) => { try { await run(); return 'done'; } catch (e) { return e.name + ' ' + e.code + ' ' + e.message; } };
    const store = new RecordStore({ client, signer });
    const before = { publish: await outcome(() => client.publishAll(events)), read: await outcome(() => client.recordsFor(me)), mail: await outcome(() => client.wrapsFor(me)), load: await outcome(() => store.load()) };
    useWebSocketImplementation(WebSocket);
    const after = { publish: await outcome(() => client.publishAll(events)), read: (await client.recordsFor(me)).events.length };
    client.close();
    console.log(JSON.stringify({ hasWebSocket: typeof globalThis.WebSocket, before, after }));
  `;
  // Node 22 and later have a WebSocket of their own: turned off, as Node 20 is.
  const { stdout } = await promisify(execFile)(process.execPath, ['--no-experimental-websocket', '--input-type=module', '-e', script, relay.url], { cwd: new URL('../..', import.meta.url), timeout: 60_000 });
  const { hasWebSocket, before: without, after: given } = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.equal(hasWebSocket, 'undefined', 'the process has no WebSocket of its own');
  for (const [what, said] of Object.entries(without)) {
    assert.match(said, /^RelayError no-websocket .*useWebSocketImplementation/, `${what} without a WebSocket`);
  }
  assert.deepEqual(given, { publish: 'done', read: 1 });
});

test('a storage server that takes the connection and never answers it fails its read and send in time, and the host process lives on', async () => {
  // Its own process: what is tested is that the process is not brought down.
  const script = `
    import http from 'node:http';
    import WebSocket from 'ws';
    import { useWebSocketImplementation } from 'nostr-tools/pool';
    import { generateSecretKey } from 'nostr-tools/pure';
    import { RelayClient, createRecord, secretKeySigner } from './dist/core/index.js';
    useWebSocketImplementation(WebSocket);
    // Takes the connection, never upgrades it (nor answers anything else).
    const dark = http.createServer(() => undefined);
    dark.on('upgrade', () => undefined);
    await new Promise((done) => dark.listen(0, '127.0.0.1', done));
    const signer = secretKeySigner(generateSecretKey());
    const client = new RelayClient({ relays: ['ws://127.0.0.1:' + dark.address().port, process.argv[1]], signer, queryTimeoutMs: 1000, publishTimeoutMs: 4000 });
    const events = await createRecord({ bundle: ${JSON.stringify(bundle)}, author: signer, participants: [] });
    const receipts = await client.publishAll(events);
    const read = await client.recordsFor(await signer.getPublicKey());
    // Time for what a timed-out connection leaves behind to surface.
    await new Promise((done) => setTimeout(done, 500));
    client.close();
    dark.closeAllConnections();
    dark.close();
    console.log(JSON.stringify({ sent: receipts.map((r) => r.status), read: read.reports.map((r) => r.status), found: read.events.length }));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, relay.url], { cwd: new URL('../..', import.meta.url), timeout: 60_000 });
  const outcome = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.deepEqual(outcome.sent, ['unreachable', 'accepted'], 'the silent server is unreachable; the other took it');
  assert.ok(['unreachable', 'timeout'].includes(outcome.read[0]), `the silent server's read is not taken as done: ${outcome.read[0]}`);
  assert.equal(outcome.found, 1, 'the record is read from the server that answers');
});

test('every export of the core has a doc comment, as a host\'s editor shows it from the published types', () => {
  for (const entry of ['index', 'wasm-verifier']) {
    const file = new URL(`../../dist/core/${entry}.d.ts`, import.meta.url).pathname;
    const program = ts.createProgram([file], { strict: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
    const checker = program.getTypeChecker();
    const undocumented = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)))
      .filter((symbol) => {
        const real = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return !ts.displayPartsToString(real.getDocumentationComment(checker)).trim();
      })
      .map((symbol) => symbol.name);
    assert.deepEqual(undocumented, [], `nip82-elements/core${entry === 'index' ? '' : `/${entry}`}: exports without a doc comment`);
  }
});

test('a record store made without what it needs says what is missing, typed, when it is made', () => {
  const signer = secretKeySigner(generateSecretKey());
  const made = (options) => () => new RecordStore(options);
  assert.throws(made({ client, signer: undefined }), (e) => e instanceof SignerError && e.code === 'absent' && /signer/.test(e.message));
  assert.throws(made({ relays: [relay.url], signer }), (e) => e instanceof RelayError && e.code === 'no-relays' && /RelayClient/.test(e.message));
  assert.throws(made({ client: [relay.url], signer }), (e) => e instanceof RelayError && e.code === 'no-relays');
  assert.throws(made(undefined), (e) => e instanceof RelayError && e.code === 'no-relays');
});

test('key material given as text where bytes are promised is refused as a bad key, never used, and never quoted', () => {
  const secret = generateSecretKey();
  const peer = getPublicKey(generateSecretKey());
  const key = conversationKey(secret, peer);
  const payload = nip44Encrypt('HbA1c 6.1%', key);
  const quoted = (e) => [bytesToHex(secret), bytesToHex(key), nsecEncode(secret)].some((k) => e.message.includes(k));
  const badKey = (what) => (e) => e instanceof RecordError && e.code === 'bad-key' && /32 bytes/.test(e.message) && !quoted(e) ? true : assert.fail(`${what}: ${e?.name} ${e?.code} ${e?.message}`);
  for (const text of [bytesToHex(secret), nsecEncode(secret)]) {
    assert.throws(() => conversationKey(text, peer), badKey('a secret key as text'));
  }
  assert.throws(() => conversationKey(secret.subarray(0, 31), peer), badKey('a short secret key'));
  assert.throws(() => nip44Encrypt('HbA1c 6.1%', bytesToHex(key)), badKey('a conversation key as text, encrypting'));
  assert.throws(() => nip44Decrypt(payload, bytesToHex(key)), badKey('a conversation key as text, decrypting'));
  assert.equal(nip44Decrypt(payload, key), 'HbA1c 6.1%');
});

test('a remote signer whose storage server takes the connection and never answers it fails typed, and the host process lives on', async () => {
  const script = `
    import http from 'node:http';
    import WebSocket from 'ws';
    import { useWebSocketImplementation } from 'nostr-tools/pool';
    import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
    import { bunkerSigner, nostrConnect } from './dist/core/index.js';
    useWebSocketImplementation(WebSocket);
    const dark = http.createServer(() => undefined);
    dark.on('upgrade', () => undefined);
    await new Promise((done) => dark.listen(0, '127.0.0.1', done));
    const relay = 'ws://127.0.0.1:' + dark.address().port;
    const said = (e) => e.name + ' ' + e.code;
    const bunker = await bunkerSigner('bunker://' + getPublicKey(generateSecretKey()) + '?relay=' + encodeURIComponent(relay) + '&secret=s', { timeoutMs: 4000, connectTimeoutMs: 4000 }).then(() => 'connected', said);
    const code = await nostrConnect({ relays: [relay], timeoutMs: 4000, connectTimeoutMs: 4000 }).signer.then(() => 'connected', said);
    // Time for what a timed-out connection leaves behind to surface.
    await new Promise((done) => setTimeout(done, 4000));
    dark.closeAllConnections();
    dark.close();
    console.log(JSON.stringify({ bunker, code }));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url), timeout: 60_000 });
  assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1)), { bunker: 'SignerError connection', code: 'SignerError connection' });
});
