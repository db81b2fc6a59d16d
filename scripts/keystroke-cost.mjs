// What a key typed in the access list's find field costs a clinic of 1,000 and 5,000 records:
// grouping the records by patient again at each key (as the list did) against filtering the groups
// made once (as it does). Measures the grouping and the filter, not the page's render.
// Run: node scripts/keystroke-cost.mjs
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundled = await build({
  stdin: { contents: "export * from './components/access-list/patient-groups.ts';", resolveDir: root, loader: 'ts' },
  bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error',
});
const { patientGroups, PatientGroupsMemo } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

/** Record `i` of a clinic: about one of `patients` patients, keyed to them (every fifth names no key, as an old record may). */
const recordOf = (i, patients) => ({
  subject: i % 5 ? (i % patients).toString(16).padStart(64, '0') : undefined,
  bundle: { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: `urn:uuid:p${i}`, resource: { resourceType: 'Patient', id: `p${i}`, name: [{ text: `Patient ${i % patients}` }] } }] },
});

const lang = 'en';
const fold = (t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(lang);
const typed = 'patient 123';

/** Milliseconds each key of `typed` costs, the median of `rounds` runs, and collator comparisons per key. */
function perKey(key, rounds = 7) {
  const Collator = Intl.Collator;
  let compared = 0;
  Intl.Collator = function (...args) {
    const c = new Collator(...args);
    return { compare: (a, b) => (compared++, c.compare(a, b)), resolvedOptions: () => c.resolvedOptions() };
  };
  const times = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      for (let k = 1; k <= typed.length; k++) key(fold(typed.slice(0, k)));
      times.push((performance.now() - start) / typed.length);
    }
  } finally {
    Intl.Collator = Collator;
  }
  times.sort((a, b) => a - b);
  return { ms: times[rounds >> 1], comparisons: Math.round(compared / rounds / typed.length) };
}

for (const n of [1000, 5000]) {
  const held = Array.from({ length: n }, (_, i) => recordOf(i, Math.floor(n / 2)));
  // Before: every key grouped the records again, then folded every name to filter.
  const before = perKey((asked) => patientGroups(held, lang).filter((g) => fold(g.name).includes(asked)).length);
  // After: the groups of the records held, made once; each name folded once; a key filters.
  const memo = new PatientGroupsMemo();
  const folded = new WeakMap();
  const foldedName = (g) => folded.get(g) ?? (folded.set(g, fold(g.name)), folded.get(g));
  memo.groups(held, lang);
  const after = perKey((asked) => memo.groups(held, lang).filter((g) => foldedName(g).includes(asked)).length);
  const groups = memo.groups(held, lang).length;
  console.log(`${n} records, ${groups} patients: before ${before.ms.toFixed(2)} ms and ${before.comparisons} name comparisons a key; after ${after.ms.toFixed(3)} ms and ${after.comparisons} comparisons a key`);
}
