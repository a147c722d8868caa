import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system Chromium: CHROMIUM_PATH, or the first of the usual places that exists. */
export function chromiumPath(): string {
  const chosen = process.env.CHROMIUM_PATH ?? CANDIDATES.find((path) => existsSync(path));
  if (!chosen) {
    throw new Error(
      'No Chromium found. Install it (on Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  }
  return chosen;
}
