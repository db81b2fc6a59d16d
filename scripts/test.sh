#!/usr/bin/env bash
# Everything, as `npm test` runs it: type check, lint and template check, build, the built core in Node, every test in
# headless Chromium against real relays, every story as a test, and the static story build.
# The last line is the total: "tests: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
logs="$(mktemp -d)"
status=0

echo "== type check"
npx tsc -p tsconfig.json --noEmit || status=1
echo "== lint (layout boundaries included) and template check"
npm run --silent lint || status=1
echo "== build"
npm run --silent build || status=1

echo "== core in Node 20 (built dist/core)"
node --test --test-reporter=tap test/node/ > "$logs/node.tap" 2>&1; node_rc=$?
grep -E '^(not ok|ok|# (pass|fail))' "$logs/node.tap"
node_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$logs/node.tap" | tail -1)
node_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$logs/node.tap" | tail -1)
[ "$node_rc" = 0 ] || status=1

echo "== browser tests (Chromium, real relays)"
npx wtr 2>&1 | tee "$logs/wtr.log"; wtr_rc=${PIPESTATUS[0]}
read -r wtr_pass wtr_fail _ < <(sed -nE 's/^wtr: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/p' "$logs/wtr.log" | tail -1)
[ "$wtr_rc" = 0 ] || status=1

echo "== stories (each one a test: its play function, then an accessibility check)"
export STORYBOOK_DISABLE_TELEMETRY=1
npx vitest run --project storybook --reporter=default --reporter=json --outputFile.json="$logs/vitest.json" 2>&1 | tee "$logs/vitest.log"; vt_rc=${PIPESTATUS[0]}
# A story file that fails to load has no tests to fail: count it as one failure.
read -r vt_pass vt_fail < <(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  console.log(r.numPassedTests, r.numFailedTests + broken);
' "$logs/vitest.json" 2>/dev/null)
[ "$vt_rc" = 0 ] || status=1

echo "== static story build (offline), then one story per element from it"
if npm run --silent build-storybook > "$logs/storybook-build.log" 2>&1; then
  node .storybook/smoke.mjs || status=1
else
  cat "$logs/storybook-build.log"
  status=1
fi

passed=$(( ${node_pass:-0} + ${wtr_pass:-0} + ${vt_pass:-0} ))
failed=$(( ${node_fail:-0} + ${wtr_fail:-0} + ${vt_fail:-0} ))
# A step that failed without failing a test (type errors, a broken build, a runner crash) still counts.
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
rm -rf "$logs"
echo "tests: $passed passed, $failed failed"
exit "$status"
