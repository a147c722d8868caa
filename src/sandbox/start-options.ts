import { parseArgs } from 'node:util';
import { isLogLevel, type LogLevel } from './log.ts';

/** What `handshake start` was asked to do, after flags and environment variables. */
export interface StartOptions {
  host: string;
  port: number;
  mqttPort: number;
  mtlsPort: number;
  dataDir: string;
  logLevel: LogLevel;
}

export const START_USAGE = `Usage: handshake start [options]

Serves the course, its API and MQTT over WebSocket on one port, raw MQTT over TCP, and MQTT
over mutual TLS for devices with a certificate from the lab's registry.

Options:
  --port N         course, /api and MQTT over WebSocket at /mqtt   (HANDSHAKE_PORT, default 4321)
  --mqtt-port N    MQTT over TCP for native tools                  (HANDSHAKE_MQTT_PORT, default 1883)
  --mtls-port N    MQTT over mutual TLS (device certificates)      (HANDSHAKE_MTLS_PORT, default 8883)
  --host ADDR      address to bind; 0.0.0.0 for a classroom        (HANDSHAKE_HOST, default 127.0.0.1)
  --data-dir DIR   where the lab keeps its files                   (HANDSHAKE_DATA_DIR, default .lab)
  --log-level L    debug, info, warn, error or silent              (HANDSHAKE_LOG_LEVEL, default info)
  -h, --help       show this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

type Env = Record<string, string | undefined>;

/** Reads flags first, then environment variables, then defaults. Throws UsageError. */
export function parseStartOptions(args: string[], env: Env): StartOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'mqtt-port': { type: 'string' },
        'mtls-port': { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${START_USAGE}`);
  }
  if (values.help) return 'help';

  const logLevel = values['log-level'] ?? env.HANDSHAKE_LOG_LEVEL ?? 'info';
  if (!isLogLevel(logLevel)) {
    const source = values['log-level'] !== undefined ? '--log-level' : 'HANDSHAKE_LOG_LEVEL';
    throw new UsageError(
      `${source} must be debug, info, warn, error or silent (got '${logLevel}').`,
    );
  }

  return {
    host: values.host ?? env.HANDSHAKE_HOST ?? '127.0.0.1',
    port: parsePort(values.port, env.HANDSHAKE_PORT, 4321, '--port', 'HANDSHAKE_PORT'),
    mqttPort: parsePort(
      values['mqtt-port'],
      env.HANDSHAKE_MQTT_PORT,
      1883,
      '--mqtt-port',
      'HANDSHAKE_MQTT_PORT',
    ),
    mtlsPort: parsePort(
      values['mtls-port'],
      env.HANDSHAKE_MTLS_PORT,
      8883,
      '--mtls-port',
      'HANDSHAKE_MTLS_PORT',
    ),
    dataDir: values['data-dir'] ?? env.HANDSHAKE_DATA_DIR ?? '.lab',
    logLevel,
  };
}

// Port 0 asks the system for any free port, which tests use.
function parsePort(
  flag: string | undefined,
  fromEnv: string | undefined,
  fallback: number,
  name: string,
  envName: string,
): number {
  const text = flag ?? fromEnv;
  if (text === undefined || text === '') return fallback;

  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    const source = flag !== undefined ? name : envName;
    throw new UsageError(`${source} must be a port number from 0 to 65535 (got '${text}').`);
  }
  return port;
}
