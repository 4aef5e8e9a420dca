// Debian's Chromium, as the CI machines have it (Playwright's own browsers
// cannot be downloaded there). Without the networking flags Chromium keeps
// trying hosts it cannot reach.
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** What every page in the tests and screenshots looks like. */
export const contextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'en-US',
  timezoneId: 'Europe/Amsterdam',
};
