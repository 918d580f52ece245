// Jest test sequencer: on a run without jest's timing cache (every CI run is a fresh clone),
// jest orders suites by file size, so short files that run long (the contract suites, the CLI
// kill test) start last and leave one worker busy alone at the end. Here those kinds of suites
// start first: the ones that drive a child process (LibreOffice, Chromium, the CLI) or run the
// port's contract suite. With timing data (a second local run) jest's own order is kept.
const Sequencer = require('@jest/test-sequencer').default;

/** Suites known by kind to take long: end-to-end, LibreOffice cross-checks, the CLI, contract suites. */
const SLOW_KIND = /[\\/]tests[\\/](e2e|crosscheck|cli)[\\/]|\.contract\.test\.tsx?$/;

class SlowKindsFirst extends Sequencer {
  /**
   * @param {Array<{ path: string; duration?: number }>} tests the suites of this run (jest's Test objects)
   * @returns {Array<{ path: string; duration?: number }>} the same suites, slow kinds first when jest has no timings
   */
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const slow = sorted.filter((test) => SLOW_KIND.test(test.path));
    return [...slow, ...sorted.filter((test) => !SLOW_KIND.test(test.path))];
  }
}

module.exports = SlowKindsFirst;
