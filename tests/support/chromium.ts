// The e2e suite and the benchmark find Chromium the same way; the code lives with the benchmark.
export { CHROMIUM_FLAGS, findChromium } from '../../bench/chromium';
