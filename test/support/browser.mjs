// Debian's Chromium: Playwright cannot download a browser of its own here.
// Used by the tests and by the benchmarks.

/** @type {import('playwright-core').LaunchOptions} */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
