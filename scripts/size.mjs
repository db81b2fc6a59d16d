// The size table, printed after every build: minified, gzip and brotli bytes of the embed bundle and
// of each public entry bundled on its own (what a bundler would ship for a page that imports only
// that entry), then what the embed bundle is made of. Exits non-zero when the embed bundle is over
// its ceiling, so a regression fails the build. Then the autoloaded build (dist/cdn/auto): the
// first file a page's script tag fetches, and what a page with <nip82-session> and
// <nip82-record-viewer> downloads before it shows a record, each file compressed on its own as it
// travels, against their goals (and the same page in Spanish, which also fetches its language
// pack); the build fails when either is over its ceiling (size-budget.json).
//
//   node scripts/size.mjs            the table (after `npm run build`)
//   node scripts/size.mjs --json     the same figures as one JSON line, for the benchmark
//   --embed-only                     only the embed bundle (quick); SIZE_BUDGET_FILE names another budget file
//   --readme                         also rewrite the size table in README.md (`npm run docs`)
//   --why                            also list what each file of the session + viewer page, and the
//                                    single file, is made of: every source over 1 KB minified
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSection } from './readme-section.mjs';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const budget = JSON.parse(readFileSync(process.env.SIZE_BUDGET_FILE ?? path.join(root, 'size-budget.json'), 'utf8'));
const EMBED = path.join(root, 'dist/cdn/nip82-elements.js');
const ENTRIES = [
  ['nip82-elements/core', 'dist/core/index.js'],
  ['nip82-elements/session/define.js', 'dist/session/define.js'],
  ['nip82-elements/npub-picker/define.js', 'dist/npub-picker/define.js'],
  ['nip82-elements/hidden-flag/define.js', 'dist/hidden-flag/define.js'],
  ['nip82-elements/record-viewer/define.js', 'dist/record-viewer/define.js'],
  ['nip82-elements/consent-prompt/define.js', 'dist/consent-prompt/define.js'],
  ['nip82-elements/access-list/define.js', 'dist/access-list/define.js'],
];

const AUTO = path.join(root, 'dist/cdn/auto');

/** The autoloaded build: the first file (with its static imports) and the session + viewer page, from the chunk manifest. */
function autoloaded() {
  const manifestPath = path.join(AUTO, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const { tags, files } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const dep of files[file].imports) closure(dep, seen);
    return seen;
  };
  const sum = (set) => [...set].reduce((n, f) => {
    const code = readFileSync(path.join(AUTO, f));
    return { files: n.files + 1, min: n.min + code.length, gzip: n.gzip + gzip(code), brotli: n.brotli + brotli(code) };
  }, { files: 0, min: 0, gzip: 0, brotli: 0 });
  const first = closure('nip82-autoloader.js');
  const page = new Set([...first, ...closure(tags['nip82-session']), ...closure(tags['nip82-record-viewer'])]);
  // The same page under lang="es" also fetches the Spanish packs its files import (chunks/es-…).
  const pageEs = new Set(page);
  for (const file of page) for (const dep of files[file].dynamicImports) if (dep.startsWith('chunks/es-')) closure(dep, pageEs);
  // The WASM verifier is the host's choice, not a feature of an element: counted on its own, as what it adds to the page.
  const wasm = new Set();
  if (files['nip82-wasm-verifier.js']) {
    const withLazy = (file) => {
      if (wasm.has(file) || page.has(file)) return;
      wasm.add(file);
      for (const dep of [...files[file].imports, ...files[file].dynamicImports]) withLazy(dep);
    };
    withLazy('nip82-wasm-verifier.js');
  }
  const all = new Set(Object.keys(files).filter((f) => !wasm.has(f)));
  return { first: sum(first), page: sum(page), pageEs: sum(pageEs), all: sum(all), wasm: sum(wasm), pageFiles: [...page] };
}

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const measure = (code) => ({ min: Buffer.byteLength(code), gzip: gzip(code), brotli: brotli(code) });
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

async function bundled(file) {
  const bundle = await rollup({
    input: path.join(root, file),
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), terser({ ecma: 2022, module: true, format: { comments: false } })],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    // What loads eagerly: the entry chunk and the chunks it imports statically (parts an element
    // loads later, behind import(), are left out, as a browser fetches them only when used).
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    const eager = new Set();
    const visit = (name) => {
      if (eager.has(name) || !chunks.has(name)) return;
      eager.add(name);
      for (const dep of chunks.get(name).imports) visit(dep);
    };
    visit(output.find((o) => o.type === 'chunk' && o.isEntry).fileName);
    return [...eager].map((name) => chunks.get(name).code).join('\n');
  } finally {
    await bundle.close();
  }
}

/** Which package (or kit folder) each byte of a minified file came from, by its source map. */
function composition(code, mapText, owner = ownerOf) {
  const map = new TraceMap(mapText);
  const lines = code.split('\n');
  const segments = [];
  eachMapping(map, (m) => segments.push(m));
  const byOwner = new Map();
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const next = segments[i + 1];
    const line = lines[s.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === s.generatedLine ? next.generatedColumn : line.length;
    const key = owner(s.source ?? '');
    byOwner.set(key, (byOwner.get(key) ?? '') + line.slice(s.generatedColumn, end));
  }
  return [...byOwner].map(([owner, text]) => ({ owner, min: Buffer.byteLength(text), gzip: gzip(text) })).sort((a, b) => b.min - a.min);
}

/** A source file by its path in the package or the kit ("nostr-tools/lib/esm/pool.js", "core/nip82/record.ts"). */
const sourceOf = (source) => source.split('node_modules/').at(-1).split('components/').at(-1);

function ownerOf(source) {
  const inPackage = source.split('node_modules/')[1];
  if (inPackage) {
    const parts = inPackage.split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    // nostr-tools ships each subpath pre-bundled, so which file matters (pool and nip46 carry their own copies).
    return name === 'nostr-tools' ? `nostr-tools/${parts.at(-1).replace(/\.js$/, '')}` : name;
  }
  const kit = source.split('components/')[1];
  if (!kit) return 'other';
  const [folder, sub] = kit.split('/');
  return folder === 'core' ? `kit: core/${sub?.replace(/\.ts$/, '')}` : `kit: ${folder.replace(/\.ts$/, '')}`;
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

if (!existsSync(EMBED)) {
  console.error('size: dist/cdn/nip82-elements.js is missing; run `npm run build` first');
  process.exit(2);
}
const embedCode = readFileSync(EMBED, 'utf8');
const embed = measure(embedCode);
if (process.argv.includes('--readme') && process.argv.includes('--embed-only')) {
  console.error('size: --readme writes every entry, so it cannot go with --embed-only');
  process.exit(2);
}
const entryList = process.argv.includes('--embed-only') ? [] : ENTRIES;
const entries = await Promise.all(entryList.map(async ([name, file]) => ({ name, ...measure(await bundled(file)) })));
const parts = composition(embedCode, readFileSync(`${EMBED}.map`, 'utf8'));
const overCeiling = embed.gzip > budget.embedGzipCeiling;
const auto = autoloaded();
const autoOver = auto ? [
  auto.first.gzip > budget.autoFirstGzipCeiling && `the autoloader's first file is ${kb(auto.first.gzip)} gzip, above its ceiling of ${kb(budget.autoFirstGzipCeiling)}`,
  auto.page.gzip > budget.autoPageGzipCeiling && `a session + viewer page downloads ${kb(auto.page.gzip)} gzip, above its ceiling of ${kb(budget.autoPageGzipCeiling)}`,
].filter(Boolean) : [];

if (process.argv.includes('--json')) {
  console.log(`bench-size: ${JSON.stringify({ embed, target: budget.embedGzipTarget, ceiling: budget.embedGzipCeiling, entries, auto })}`);
} else {
  const rows = [['dist/cdn/nip82-elements.js (embed, all elements + core)', embed], ...entries.map((e) => [e.name, e])];
  console.log('\nsize (minified, then compressed; each entry bundled alone with its dependencies)');
  console.log(table(['entry', 'min', 'gzip', 'brotli'], rows.map(([name, m]) => [name, kb(m.min), kb(m.gzip), kb(m.brotli)])));
  const kitMin = parts.filter((p) => p.owner.startsWith('kit:')).reduce((n, p) => n + p.min, 0);
  console.log(`\nembed bundle by origin (gzip of each origin alone; the kit's own code is ${Math.round((100 * kitMin) / embed.min)}% of the minified bytes)`);
  console.log(table(['origin', 'min', 'gzip'], parts.filter((p) => p.min >= 1000).map((p) => [p.owner, kb(p.min), kb(p.gzip)])));
  const verdict = embed.gzip <= budget.embedGzipTarget ? 'within the target' : `${kb(embed.gzip - budget.embedGzipTarget)} over the target`;
  console.log(`\nembed bundle: ${kb(embed.gzip)} gzip; target ${kb(budget.embedGzipTarget)} (${verdict}); ceiling ${kb(budget.embedGzipCeiling)}`);
  if (auto) {
    const goal = (m, g) => `${kb(g)} ${m.gzip <= g ? 'met' : 'MISSED'}`;
    console.log('\nautoloaded embed (dist/cdn/auto; each file compressed on its own, as it is fetched)');
    console.log(table(['what a page downloads', 'files', 'min', 'gzip', 'brotli', 'goal (gzip)'], [
      ['the script tag\'s first file (nip82-autoloader.js + its imports)', auto.first, goal(auto.first, budget.autoFirstGzipGoal)],
      ['<nip82-session> + <nip82-record-viewer>, before a record shows', auto.page, goal(auto.page, budget.autoPageGzipGoal)],
      ['the same page in Spanish (lang="es": its language pack too)', auto.pageEs, ''],
      ['every chunk (a page using every element and feature)', auto.all, ''],
      ['the WASM verifier, when a host asks for it (nip82-wasm-verifier.js)', auto.wasm, ''],
    ].map(([name, m, g]) => [name, m.files, kb(m.min), kb(m.gzip), kb(m.brotli), g])));
  }
}
if (process.argv.includes('--why')) why();
if (process.argv.includes('--readme')) writeReadmeTable();
if (overCeiling) {
  console.error(`size: the embed bundle is ${kb(embed.gzip)} gzip, above its ceiling of ${kb(budget.embedGzipCeiling)} (size-budget.json)`);
  process.exit(1);
}
if (autoOver.length) {
  for (const line of autoOver) console.error(`size: ${line} (size-budget.json)`);
  process.exit(1);
}

/** What each file is made of, by source file: where to look when a figure grows. */
function why() {
  const files = [EMBED, ...(auto?.pageFiles ?? []).map((f) => path.join(AUTO, f))];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const rows = composition(code, readFileSync(`${file}.map`, 'utf8'), sourceOf).filter((p) => p.min >= 1000);
    console.log(`\n${path.relative(root, file)}: ${kb(Buffer.byteLength(code))} min, ${kb(gzip(code))} gzip; its sources over 1 KB (gzip of each alone)`);
    if (rows.length) console.log(table(['source', 'min', 'gzip'], rows.map((p) => [p.owner, kb(p.min), kb(p.gzip)])));
  }
}

/** The README's size table, between its markers, from the figures just measured. */
function writeReadmeTable() {
  const START = '<!-- size-table:start (generated by `npm run docs`) -->';
  const END = '<!-- size-table:end -->';
  const readmePath = path.join(root, 'README.md');
  const row = (name, m) => `| ${name} | ${kb(m.min)} | ${kb(m.gzip)} | ${kb(m.brotli)} |`;
  const lines = [
    '| entry (bundled alone, minified) | min | gzip | brotli |',
    '|---|---:|---:|---:|',
    row('`dist/cdn/nip82-elements.js` (embed: every element + the core)', embed),
    ...entries.map((e) => row(`\`${e.name}\``, e)),
    '',
    'The embed bundle by origin (each origin compressed alone), the largest first:',
    '',
    '| origin | min | gzip |',
    '|---|---:|---:|',
    ...parts.filter((p) => p.min >= 3000).map((p) => `| ${p.owner} | ${kb(p.min)} | ${kb(p.gzip)} |`),
  ];
  writeFileSync(readmePath, withSection(readFileSync(readmePath, 'utf8'), START, END, lines.join('\n')));
}
