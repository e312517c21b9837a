// Plain JavaScript so that the setup step can run it on Node 20, before Node 24 is installed.
import { accessSync, constants } from 'node:fs';

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH wins, then Debian's chromium, then the usual Chrome locations. */
export function findBrowser(env = process.env) {
  const candidates = env.CHROME_PATH ? [env.CHROME_PATH, ...USUAL_PATHS] : USUAL_PATHS;
  return candidates.find(isExecutable) ?? null;
}

export const NO_BROWSER_HELP =
  'No Chromium or Chrome found. Install Debian\'s browser with `apt-get install chromium` ' +
  '(or your OS package manager), or set CHROME_PATH to a Chrome/Chromium executable.';
