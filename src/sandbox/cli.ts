import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTopicCheck } from '../core/commands/topic-check.ts';
import { cert } from './commands/cert.ts';
import { jsonCommand } from './commands/json-check.ts';
import { policy } from './commands/policy.ts';
import { tls } from './commands/tls.ts';
import { startLabServer, WEBSOCKET_PATH } from './lab-server.ts';
import { ListenError } from './listen.ts';
import { createLogger } from './log.ts';
import { parseStartOptions, START_USAGE, UsageError, type StartOptions } from './start-options.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const USAGE = `Usage: handshake <command>

Commands:
  start                         run the lab server (what \`npm start\` runs)
  reset [--data-dir DIR]        empty the lab's data folder (what \`npm run lab:reset\` runs)
  topic check <filter> <topic>...   test topic names against a topic filter
  json check <file> [--schema <file>]   check that a file is JSON, and matches a schema
  policy <check|test|cases> ...     validate, lint and test AWS IoT policies
  cert <inspect|verify> ...         decode certificates and keys, verify certificate chains
  cert <lab-ca|create|list|update> ...   the lab's CA and device certificates (its registry)
  tls probe --cert FILE --key FILE  a real mutual TLS handshake with the lab, step by step
  help                          show this help

Run \`handshake <command> --help\` for a command's options.`;

/** Runs one command line and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;

  switch (command) {
    case 'start':
      return start(rest);
    case 'topic':
      return topic(rest);
    case 'json':
      return jsonCommand(rest);
    case 'policy':
      return policy(rest);
    case 'cert':
      return cert(rest);
    case 'tls':
      return tls(rest);
    case 'reset':
      return reset(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(`handshake: unknown command '${command}'.\n\n${USAGE}`);
      return 2;
  }
}

function reset(args: string[]): number {
  const flag = args.indexOf('--data-dir');
  const dataDir = resolve(
    flag >= 0 ? (args[flag + 1] ?? '') : (process.env.HANDSHAKE_DATA_DIR ?? '.lab'),
  );
  if (flag >= 0 && !args[flag + 1]) {
    console.error('handshake reset: --data-dir needs a folder.');
    return 2;
  }
  if (!existsSync(dataDir)) {
    console.log(`Nothing to reset: ${dataDir} does not exist.`);
    return 0;
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  console.log(`Emptied ${dataDir}. The lab starts afresh next time.`);
  return 0;
}

function topic(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub !== 'check') {
    console.error(
      `handshake topic: unknown subcommand '${sub ?? ''}'. Did you mean 'handshake topic check'?`,
    );
    return 2;
  }
  const result = runTopicCheck(rest);
  if (result.stdout)
    process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
  if (result.stderr)
    process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
  return result.exitCode;
}

async function start(args: string[]): Promise<number> {
  let options: StartOptions | 'help';
  try {
    options = parseStartOptions(args, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`handshake start: ${error.message}`);
    return 2;
  }
  if (options === 'help') {
    console.log(START_USAGE);
    return 0;
  }

  const siteDir = join(PROJECT_ROOT, 'dist');
  if (!existsSync(join(siteDir, 'index.html')) && !buildSite()) return 1;
  mkdirSync(resolve(options.dataDir), { recursive: true });

  const sink = (line: string) => console.log(line);
  let server;
  try {
    server = await startLabServer({
      host: options.host,
      port: options.port,
      mqttPort: options.mqttPort,
      mtlsPort: options.mtlsPort,
      siteDir,
      version: readVersion(),
      dataDir: resolve(options.dataDir),
      log: {
        http: createLogger('lab:http', options.logLevel, sink),
        mqtt: createLogger('lab:mqtt', options.logLevel, sink),
        registry: createLogger('lab:registry', options.logLevel, sink),
        tls: createLogger('lab:tls', options.logLevel, sink),
      },
    });
  } catch (error) {
    if (!(error instanceof ListenError)) throw error;
    console.error(`handshake start: ${error.message}`);
    return 1;
  }

  printBanner(options.host, server.port, server.mqttPort, server.mtlsPort, options.dataDir);
  return new Promise<number>((done) => {
    const stop = () => {
      console.log('\nStopping the lab server…');
      // A second Ctrl-C while stopping leaves at once.
      process.once('SIGINT', () => done(130));
      server.stop().then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

// The server serves the built course; the first `npm start` on a fresh clone builds it.
function buildSite(): boolean {
  console.log('No built course in dist/ yet: building it once (about a minute)…');
  const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'astro.js');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (result.status === 0) return true;

  console.error(
    'handshake start: the course did not build; the errors are above. Fix them, or run `npm run build` to see them again.',
  );
  return false;
}

function printBanner(
  host: string,
  port: number,
  mqttPort: number,
  mtlsPort: number | null,
  dataDir: string,
) {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const ca = join(dataDir, 'ca', 'lab-root-ca.pem');
  const lines = [
    `Handshake lab server ${readVersion()}`,
    `  Course:               http://${shown}:${port}/`,
    `  MQTT over WebSocket:  ws://${shown}:${port}${WEBSOCKET_PATH}`,
    `  MQTT over TCP:        ${shown}:${mqttPort}  (no TLS, anonymous: for the first lessons)`,
    `  Try:                  mosquitto_sub -h ${shown} -p ${mqttPort} -t 'lab/#' -v`,
  ];
  if (mtlsPort !== null) {
    lines.push(
      `  MQTT over mutual TLS: ${shown}:${mtlsPort}  (a device certificate the lab registered, ACTIVE)`,
      `  Lab CA (--cafile):    ${ca}`,
    );
  }
  if (shown !== host) {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => `http://${a!.address}:${port}/`);
    if (addresses.length > 0) lines.push(`  Students open:        ${addresses.join('  ')}`);
  }
  lines.push('Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
