// Three builds:
// 1. the library: unbundled ES modules mirroring components/ (dependencies external), for npm;
// 2. the embed bundle: one minified file with everything, for a <script type="module"> tag;
// 3. the autoloaded embed: a small first file (components/autoloader.ts) that loads each element's
//    chunk the first time the page uses its tag, in dist/cdn/auto/ with a manifest.json of the chunks.
// Both embeds bundle nostr-tools once (scripts/rollup-nostr-tools.mjs) and take secp256k1 from the
// small library (scripts/rollup-secp256k1.mjs). NIP82_BUILDS=single,auto
// builds only the named ones, for a quick look at sizes (`npm run size -- --embed-only --why`).
// Type declarations come from `tsc -p tsconfig.build.json`, and `scripts/size.mjs` prints the size
// table and fails the build above the embed bundle's ceiling (see package.json "build").
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyTemplates from '@lit-labs/rollup-plugin-minify-html-literals';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nostrToolsOnce } from './scripts/rollup-nostr-tools.mjs';
import { smallSecp256k1 } from './scripts/rollup-secp256k1.mjs';

const external = (id) => /^(lit|@lit|nostr-tools|@noble|@scure|dompurify)(\/|$)/.test(id);

function entries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...entries(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const esbuildOptions = { target: 'es2022', tsconfig: 'tsconfig.json' };
// More passes, `pure_getters` and terser's unsafe transforms were tried: each saved under 0.3 KB gzip.
const minify = () => terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } });

/**
 * The elements' `html` and `css` templates, minified before esbuild sees them (terser leaves a
 * template's indentation alone). Whitespace collapses to one space, never to none, so text beside
 * an expression or an inline element reads as written; empty attributes (`alt=""`) stay, since they
 * mean something. A template it cannot minify fails the build rather than ship unminified.
 */
const templates = () => minifyTemplates({
  include: ['components/**/*.ts'],
  failOnError: true,
  options: { minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false } },
});

/**
 * The autoloaded build's grouping. Each file travels compressed on its own, and gzip finds nothing
 * to share between files: a page showing records fetched fifteen small ones. What the session and
 * the viewer stand on goes in two chunks: `core` (the protocol core and its libraries, which
 * `nip82-core.js` shares without Lit) and `kit` (Lit, the elements' shared code and the session,
 * which nearly every page has: every element takes its signer, relays and records from it, and one
 * file less saves a page about 1 KB); each other element's own code stays in its chunk, and what
 * loads later (another element, the remote signer, the sanitiser) where Rollup puts it. A language pack loads only on a page that speaks it: what the
 * session, the viewer and its flag say in that language is one chunk (`es`), the other elements'
 * words chunks of their own (`es-consent-prompt`…). The autoloader's own imports stay out of all
 * of them, so the first file remains small.
 */
/** A language pack module (`session.strings.es.ts`): its language. */
const LANGUAGE_PACK = /\.([a-z]{2})\.ts$/;

/**
 * The modules the protocol core stands on (components/core/index.ts and its imports), once the
 * autoloaded build has looked: a chunk of nothing else is the core's, and named so (chunkName).
 */
let coreModules;

function autoChunks() {
  let kit;
  let first;
  let core;
  let kitPacks;
  let packCore;
  const closure = (ids, getModuleInfo, seen = new Set()) => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      closure(getModuleInfo(id)?.importedIds ?? [], getModuleInfo, seen);
    }
    return seen;
  };
  return (id, { getModuleInfo }) => {
    if (!kit) {
      const root = fileURLToPath(new URL('./components/', import.meta.url));
      first = closure([join(root, 'autoloader.ts')], getModuleInfo);
      kit = closure(['session/define.ts', 'record-viewer/define.ts'].map((f) => join(root, f)), getModuleInfo);
      core = closure([join(root, 'core/index.ts')], getModuleInfo);
      coreModules = core;
      for (const m of kit) if (first.has(m) || /[\\/]components[\\/](record-viewer|hidden-flag)[\\/]/.test(m)) kit.delete(m);
      const packs = ['session/session.strings.es.ts', 'record-viewer/record-viewer.strings.es.ts', 'hidden-flag/hidden-flag.strings.es.ts', 'shared/vocabulary.es.ts'];
      const packClosure = [...closure(packs.map((f) => join(root, f)), getModuleInfo)];
      kitPacks = new Set(packClosure.filter((m) => LANGUAGE_PACK.test(m)));
      // What a pack reads of the core (the core's reasons it words): with the core, or Rollup pulls
      // it into the pack, and the core's own chunks would then fetch the pack (and the kit) with it.
      packCore = new Set(packClosure.filter((m) => !LANGUAGE_PACK.test(m) && /[\\/]components[\\/]core[\\/]/.test(m)));
    }
    if (kitPacks.has(id)) return LANGUAGE_PACK.exec(id)[1];
    if (packCore.has(id)) return 'core';
    if (LANGUAGE_PACK.test(id)) return undefined;
    // Named, or Rollup would pull the autoloader's imports into the kit chunk that uses them too.
    if (first.has(id)) return 'autoloader';
    // The flag's words, which the consent prompt borrows, travel with the flag rather than alone.
    if (/[\\/]components[\\/]hidden-flag[\\/]/.test(id)) return 'hidden-flag';
    if (!kit.has(id)) return undefined;
    return core.has(id) ? 'core' : 'kit';
  };
}

/** Chunks named after what they hold (a define module by its folder), so the size table and hosts can tell them apart. */
function chunkName(chunk) {
  if (['kit', 'core', 'hidden-flag', 'es'].includes(chunk.name)) return `chunks/${chunk.name}-[hash].js`;
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '';
  const kit = id.split('/components/')[1];
  // A library only the core and elements loaded later share (nostr-tools' NIP-05): the core's.
  if (!kit) return chunk.moduleIds.every((m) => coreModules?.has(m)) ? 'chunks/core-[name]-[hash].js' : 'chunks/[name]-[hash].js';
  // A language pack by its language first (es-consent-prompt), so no tag's chunk name starts like it.
  const lang = LANGUAGE_PACK.exec(kit)?.[1];
  if (lang) return `chunks/${lang}-${kit.replace(LANGUAGE_PACK, '').replace(/\.strings$/, '').replace(/^([\w-]+)\/\1$/, '$1').replaceAll('/', '-')}-[hash].js`;
  const name = kit.replace(/\.ts$/, '').replace(/\/define$/, '').replaceAll('/', '-');
  return `chunks/${name}-[hash].js`;
}

/**
 * The single file's entry: every element (components/define.ts), with some modules named first.
 * Rollup orders modules by first import, and gzip only looks back 32 KB, so what repeats itself is
 * better kept together: every strings table first, the language packs then English (tables of one
 * element repeat one another's shape); the remote signer (core/signers/bunker.ts), which the session loads on demand, next
 * to the relay code it uses; every stylesheet together; then the protocol core. Tables and
 * stylesheets only define values, so evaluating them earlier changes nothing else. Together about
 * 4 KB gzip less than Rollup's order.
 */
const SINGLE_ENTRY = '\0nip82-single-file';
function singleFileEntry() {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const kit = entries(join(root, 'components'));
  const styles = kit.filter((f) => f.endsWith('.styles.ts'));
  const strings = kit.filter((f) => /(strings|vocabulary|error-details)(\.\w+)?\.ts$/.test(f) && !f.endsWith('/shared/strings.ts'));
  const first = [...strings.filter((f) => LANGUAGE_PACK.test(f)), ...strings.filter((f) => !LANGUAGE_PACK.test(f)), 'lit', 'lit/decorators.js', '@lit/context', 'lean-qr',
    ...['core/nip82/keys.ts', 'core/nip82/versions.ts', 'core/signers/bunker.ts', 'core/signers/nip07.ts'].map((f) => join(root, 'components', f)),
    ...styles, join(root, 'components/core/index.ts')];
  return {
    name: 'single-file-entry',
    resolveId: (id) => (id === SINGLE_ENTRY ? id : null),
    load: (id) => (id === SINGLE_ENTRY ? `${first.map((id) => `import '${id}';`).join('\n')}\nexport * from '${join(root, 'components/define.ts')}';\n` : null),
  };
}

/** dist/cdn/auto/manifest.json: each file's static and dynamic imports, and the tag chunks, for preload hints and the size table. */
function chunkManifest() {
  return {
    name: 'chunk-manifest',
    // Chunk names carry hashes: without a clean folder, old chunks would pile up and be packed.
    buildStart: () => rmSync('dist/cdn/auto', { recursive: true, force: true }),
    generateBundle(_options, bundle) {
      const files = {};
      // Per tag, the file the autoloader fetches for it (its define module's chunk, which may be a shared one).
      const tags = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        files[file] = { imports: chunk.imports, dynamicImports: chunk.dynamicImports, isEntry: chunk.isEntry };
        for (const id of chunk.moduleIds) {
          const folder = /[\\/]components[\\/]([\w-]+)[\\/]define\.ts$/.exec(id)?.[1];
          if (folder) tags[`nip82-${folder}`] = file;
        }
      }
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify({ tags, files }, null, 2)}\n` });
    },
  };
}

/**
 * In the single file every module loaded on demand is inside anyway: a loader written as
 * `import('./x.js').then((m) => m.name)` (a language pack, a part an element needs only later)
 * becomes a static import and a resolved promise, which spares the module namespace object and the
 * deferred call an inlined import() costs.
 */
function loadersInline() {
  const LOADER = /import\('(\.{1,2}\/[\w./-]+\.js)'\)\.then\(\(m\) => m\.(\w+)\)/g;
  return {
    name: 'packs-inline',
    transform(code, id) {
      if (!/[\\/]components[\\/]/.test(id)) return null;
      const imports = [];
      const out = code.replace(LOADER, (_all, file, name) => {
        imports.push(`import { ${name} } from '${file}';`);
        return `Promise.resolve(${name})`;
      });
      // Imports at the end (they are hoisted), so the lines above keep their places for the source map.
      return imports.length ? { code: `${out}\n${imports.join('\n')}\n`, map: null } : null;
    },
  };
}

const builds = [
  {
    name: 'lib',
    input: entries('components'),
    external,
    plugins: [esbuild(esbuildOptions)],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'components', sourcemap: true },
  },
  {
    name: 'single',
    input: SINGLE_ENTRY,
    plugins: [
      singleFileEntry(),
      loadersInline(),
      nostrToolsOnce(),
      smallSecp256k1(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      templates(),
      esbuild(esbuildOptions),
      minify(),
    ],
    // One self-contained file: the parts the elements load later (the remote signer, the language packs) are inlined.
    output: { file: 'dist/cdn/nip82-elements.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
  },
  {
    name: 'auto',
    input: { 'nip82-autoloader': 'components/autoloader.ts', 'nip82-core': 'components/core/index.ts', 'nip82-wasm-verifier': 'components/core/wasm-verifier.ts' },
    plugins: [nostrToolsOnce(), smallSecp256k1(), nodeResolve({ browser: true, exportConditions: ['production'] }), templates(), esbuild(esbuildOptions), minify(), chunkManifest()],
    output: { dir: 'dist/cdn/auto', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: chunkName, manualChunks: autoChunks() },
  },
];

// NIP82_BUILDS=single,auto builds only those (a quick size check); by default all three.
const only = process.env.NIP82_BUILDS?.split(',');
export default builds.filter((b) => !only || only.includes(b.name)).map(({ name: _name, ...options }) => options);
