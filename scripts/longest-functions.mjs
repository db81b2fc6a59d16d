// Prints the longest functions and methods under a folder (default components/), longest first:
// `node scripts/longest-functions.mjs [folder] [count]`. Nested functions count within their
// parents too; each is listed by its own span in lines.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [folder = 'components', count = '10'] = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) files.push(path);
  }
})(folder);

const isFunction = (n) => ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n) || ts.isConstructorDeclaration(n);
const nameOf = (n) => {
  if (n.name) return n.name.getText();
  const p = n.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertyAssignment(p))) return p.name.getText();
  return '(anonymous)';
};
const classOf = (n) => {
  for (let p = n.parent; p; p = p.parent) if (ts.isClassDeclaration(p) && p.name) return `${p.name.text}.`;
  return '';
};

const found = [];
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const visit = (node) => {
    if (isFunction(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.end).line + 1;
      found.push({ lines: last - first + 1, name: classOf(node) + nameOf(node), where: `${relative('.', file)}:${first}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
found.sort((a, b) => b.lines - a.lines);
for (const f of found.slice(0, Number(count))) console.log(`${String(f.lines).padStart(4)}  ${f.name}  (${f.where})`);
