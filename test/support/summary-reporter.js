/**
 * Prints jest's own totals as the very last line, `tests: N passed, N failed`, which CI reads.
 * It is written when the process exits, after jest's summary (which goes to stderr), so the line
 * closes the output. A suite that cannot even load counts as a failure.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${tail}\n`;
    process.once('exit', () => process.stdout.write(line));
  }
}
module.exports = SummaryReporter;
