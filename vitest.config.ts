import { defineConfig } from 'vitest/config';
import { isBrowserGoneError } from './audits/shared/browser-gone.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Browser and Lighthouse suites skew each other's timings on a 2-core machine, so files run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
    // What the BrowserPool absorbs in production (see audits/shared/browser-gone.ts): the crash tests kill
    // Chromium mid-run on purpose, and Lighthouse's own leftover protocol calls then reject with nobody to catch.
    onUnhandledError: (error) => !isBrowserGoneError(error),
  },
});
