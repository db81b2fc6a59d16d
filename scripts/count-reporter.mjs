// Prints one closing line, "wtr: N passed, N failed, N skipped", after the default reporter has
// finished, so CI can read the counts. A test file that fails to load counts as a failure.
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && session.errors?.length) failed++;
      }
      process.once('exit', () => process.stdout.write(`wtr: ${passed} passed, ${failed} failed, ${skipped} skipped\n`));
    },
  };
}
