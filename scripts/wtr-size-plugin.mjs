// A test-runner command for the size tests: the gzip bytes (level 9, as scripts/size.mjs counts)
// of built files in dist/cdn/auto, read from disk, since the test server rewrites what it serves.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const AUTO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/cdn/auto');

export function sizePlugin() {
  return {
    name: 'built-sizes',
    executeCommand({ command, payload }) {
      if (command !== 'built-gzip-bytes') return undefined;
      const sizes = {};
      for (const file of payload?.files ?? []) {
        const full = path.resolve(AUTO, file);
        if (!full.startsWith(AUTO + path.sep) || !full.endsWith('.js')) throw new Error(`not a built chunk: ${file}`);
        sizes[file] = gzipSync(readFileSync(full), { level: 9 }).length;
      }
      return sizes;
    },
  };
}
