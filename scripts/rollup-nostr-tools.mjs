// A Rollup plugin for the embed bundles: one copy of each nostr-tools module instead of one per
// subpath.
//
// nostr-tools publishes every subpath (`nostr-tools/pool`, `/nip46`, `/pure`, `/nip44`, `/nip19`…) as
// a file that carries its own private copy of every module it uses: `nip46.js` holds a whole relay
// pool, `pool.js` the event signing code that `pure.js` holds too. A bundle of the kit therefore had
// the relay pool twice and the event code four times. This plugin turns each such file back into
// its own module: the copied parts (marked `// <module>.ts` by the package's bundler) are dropped
// and their names imported from the subpath file that owns them, which the plugin treats the same
// way, so every module of the package is bundled once.
//
// Safety: the owner's part must be the same code as the copy (identifiers aside, which the bundler
// numbers), declare the same names in the same order, and export each name the rest of the file
// uses; otherwise the build fails and names the file, rather than shipping something else. Dropped
// parts become blank lines, so line and column positions (and source maps) of the rest stay exact.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FILE = /[\\/]node_modules[\\/]nostr-tools[\\/]lib[\\/]esm[\\/]([\w-]+)\.js$/;
const MARK = /^\/\/ ([\w-]+)\.ts$/gm;

/** Top-level statements of `code`, each with the module whose part it sits in. */
function parts(ast, code) {
  const marks = [...code.matchAll(MARK)].map((m) => ({ module: m[1], at: m.index }));
  return ast.body.map((node) => {
    let module;
    for (const mark of marks) if (mark.at <= node.start) module = mark.module;
    return { node, module, text: code.slice(node.start, node.end) };
  });
}

function declared(node) {
  if (node.type === 'VariableDeclaration') return node.declarations.map((d) => {
    if (d.id.type !== 'Identifier') throw new Error(`unexpected pattern at ${d.start}`);
    return d.id.name;
  });
  if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) return [node.id.name];
  return [];
}

/** Code with the bundler's numbering of identifiers (`sha2562`, `bytesToHex2`) taken away, to compare copies. */
const strip = (name) => name.replace(/\d+$/, '');
const shape = (statement) => statement.text.replace(/[\w$]+/g, strip);

export function nostrToolsOnce() {
  const owners = new Map();
  return {
    name: 'nostr-tools-once',
    transform(code, id) {
      const match = FILE.exec(id);
      if (!match) return null;
      const self = match[1];
      const statements = parts(this.parse(code), code);
      const copies = statements.filter((s) => s.module && s.module !== self && s.node.type !== 'ImportDeclaration');
      if (!copies.length) return null;
      const kept = statements.filter((s) => !copies.includes(s));
      const keptText = kept.map((s) => s.text).join('\n');
      const imports = [];
      for (const module of new Set(copies.map((s) => s.module))) {
        const file = path.join(path.dirname(id), `${module}.js`);
        let owner = owners.get(file);
        if (!owner) {
          const ownerCode = readFileSync(file, 'utf8');
          const ownerStatements = parts(this.parse(ownerCode), ownerCode);
          const exported = new Map();
          for (const { node } of ownerStatements) {
            if (node.type !== 'ExportNamedDeclaration') continue;
            for (const spec of node.specifiers) exported.set(spec.local.name, spec.exported.name);
          }
          const own = ownerStatements.filter((s) => s.module === module && s.node.type !== 'ImportDeclaration' && s.node.type !== 'ExportNamedDeclaration');
          owner = { own: own.map((s) => ({ shape: shape(s), names: declared(s.node) })), exported };
          owners.set(file, owner);
        }
        const specifiers = [];
        for (const statement of copies.filter((s) => s.module === module)) {
          const names = declared(statement.node);
          // The package's bundler drops unused parts of each copy, so a copy is a subset of the
          // owner: match statement by statement, the same code and the same names but for numbering.
          const same = owner.own.filter((o) => o.shape === shape(statement) && o.names.length === names.length);
          const match = same.find((o) => o.names.every((n, i) => n === names[i])) ?? same.find((o) => o.names.every((n, i) => strip(n) === strip(names[i])));
          if (!match) this.error(`nostr-tools-once: ${self}.js holds a part of ${module}.ts that ${module}.js does not (another nostr-tools version?): ${statement.text.slice(0, 80)}`);
          names.forEach((local, i) => {
            if (!new RegExp(`(?<![\\w$.])${local.replace(/\$/g, '\\$')}(?![\\w$])`).test(keptText)) return;
            const exportedAs = owner.exported.get(match.names[i]);
            if (!exportedAs) this.error(`nostr-tools-once: ${self}.js uses ${local} from ${module}.ts, which ${module}.js does not export`);
            specifiers.push(exportedAs === local ? local : `${exportedAs} as ${local}`);
          });
        }
        if (specifiers.length) imports.push(`import { ${specifiers.join(', ')} } from './${module}.js';`);
      }
      let out = code;
      // From the end, so earlier offsets stay valid; each dropped statement leaves its line breaks.
      for (const { node } of [...copies].reverse()) {
        out = out.slice(0, node.start) + out.slice(node.start, node.end).replace(/[^\n]/g, '') + out.slice(node.end);
      }
      return { code: `${out}\n${imports.join('\n')}\n`, map: null };
    },
  };
}
