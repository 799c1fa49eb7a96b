/**
 * How the browser tests start Chromium, and the bench's W1 live pass with them: Debian's
 * Chromium, since browser downloads are not possible here and a system browser is what CI has
 * too. The flags keep it from reaching for the network at start.
 */
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}
