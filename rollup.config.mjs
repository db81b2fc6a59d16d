// Three builds:
// 1. the library: unbundled ES modules mirroring components/ (dependencies external), for npm;
// 2. the embed bundle: one minified file with everything, for a <script type="module"> tag;
// 3. the autoloaded embed: a small first file (components/autoloader.ts) that loads each element's
//    chunk the first time the page uses its tag, in dist/cdn/auto/ with a manifest.json of the chunks.
// Type declarations come from `tsc -p tsconfig.build.json`, and `scripts/size.mjs` prints the size
// table and fails the build above the embed bundle's ceiling (see package.json "build").
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const minify = () => terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } });

/** Chunks named after what they hold (a define module by its folder), so the size table and hosts can tell them apart. */
function chunkName(chunk) {
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '';
  const kit = id.split('/components/')[1];
  if (!kit) return 'chunks/[name]-[hash].js';
  const name = kit.replace(/\.ts$/, '').replace(/\/define$/, '').replaceAll('/', '-');
  return `chunks/${name}-[hash].js`;
}

/**
 * The single file's entry: every element (components/define.ts), with a few modules named first.
 * Rollup orders modules by first import, and gzip only looks back 32 KB: the remote signer, which
 * the session loads on demand, would otherwise land far from the relay pool whose code it repeats,
 * and the file would compress 5 KB worse.
 */
const SINGLE_ENTRY = '\0nip82-single-file';
function singleFileEntry() {
  const first = ['lit', 'lit/decorators.js', '@lit/context', 'lean-qr', './components/core/nip82/keys.ts', './components/core/nip82/versions.ts',
    './components/core/signers/nip07.ts', './components/session/remote-signer.ts'];
  const root = fileURLToPath(new URL('.', import.meta.url));
  const spec = (id) => (id.startsWith('./') ? join(root, id) : id);
  return {
    name: 'single-file-entry',
    resolveId: (id) => (id === SINGLE_ENTRY ? id : null),
    load: (id) => (id === SINGLE_ENTRY ? `${first.map((id) => `import '${spec(id)}';`).join('\n')}\nexport * from '${join(root, 'components/define.ts')}';\n` : null),
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
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        files[file] = { imports: chunk.imports, dynamicImports: chunk.dynamicImports, isEntry: chunk.isEntry };
      }
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify({ files }, null, 2)}\n` });
    },
  };
}

export default [
  {
    input: entries('components'),
    external,
    plugins: [esbuild(esbuildOptions)],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'components', sourcemap: true },
  },
  {
    input: SINGLE_ENTRY,
    plugins: [
      singleFileEntry(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild(esbuildOptions),
      minify(),
    ],
    // One self-contained file: the parts the elements load later (the remote signer) are inlined.
    output: { file: 'dist/cdn/nip82-elements.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
  },
  {
    input: { 'nip82-autoloader': 'components/autoloader.ts', 'nip82-core': 'components/core/index.ts' },
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), esbuild(esbuildOptions), minify(), chunkManifest()],
    output: { dir: 'dist/cdn/auto', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: chunkName },
  },
];
