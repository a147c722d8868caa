// The tests drive Debian's Chromium, mosquitto-clients and openssl. As root on Debian they are
// installed when missing; anywhere else this says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = [
  {
    command: 'chromium',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    pkg: 'chromium',
  },
  { command: 'mosquitto_pub', paths: ['/usr/bin/mosquitto_pub'], pkg: 'mosquitto-clients' },
  { command: 'mosquitto_sub', paths: ['/usr/bin/mosquitto_sub'], pkg: 'mosquitto-clients' },
  { command: 'openssl', paths: ['/usr/bin/openssl'], pkg: 'openssl' },
];

function present(tool) {
  if (tool.command === 'chromium' && process.env.CHROMIUM_PATH)
    return existsSync(process.env.CHROMIUM_PATH);
  return tool.paths.some((path) => existsSync(path)) || onPath(tool.command);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs what is missing when it can; returns whether everything is there. */
export function ensureSystemTools() {
  let missing = TOOLS.filter((tool) => !present(tool));
  const packages = [...new Set(missing.map((tool) => tool.pkg))];
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');

  if (packages.length > 0 && canInstall) {
    console.log(
      `Installing ${packages.join(', ')} with apt-get (the browser and interop tests need them)…`,
    );
    try {
      execFileSync('apt-get', ['update'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      console.error(`apt-get could not install ${packages.join(', ')}: ${error.message}`);
    }
    missing = TOOLS.filter((tool) => !present(tool));
  }

  if (missing.length > 0) {
    const names = [...new Set(missing.map((tool) => tool.pkg))].join(' ');
    console.error(
      `Missing: ${missing.map((tool) => tool.command).join(', ')}. Install them (on Debian or Ubuntu: ` +
        `sudo apt-get install -y ${names}); set CHROMIUM_PATH if Chromium lives elsewhere.`,
    );
  }
  const browser = !missing.some((tool) => tool.command === 'chromium');
  return { ok: missing.length === 0, browser };
}
