// Two builds:
// 1. the library: unbundled ES modules mirroring components/ (dependencies external), for npm;
// 2. the embed bundle: one minified file with everything, for a <script type="module"> tag.
// Type declarations come from `tsc -p tsconfig.build.json`, and `scripts/size.mjs` prints the size
// table and fails the build above the embed bundle's ceiling (see package.json "build").
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

export default [
  {
    input: entries('components'),
    external,
    plugins: [esbuild(esbuildOptions)],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'components', sourcemap: true },
  },
  {
    input: 'components/define.ts',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild(esbuildOptions),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    output: { file: 'dist/cdn/nip82-elements.js', format: 'es', sourcemap: true },
  },
];
