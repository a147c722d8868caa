import { describe, expect, it } from 'vitest';
import { START_USAGE, UsageError, parseStartOptions } from '../../../src/sandbox/start-options.ts';

/** The UsageError `run` throws; fails the test when it throws nothing or something else. */
function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError, but nothing was thrown');
}

describe('parseStartOptions', () => {
  it('with no flags and no environment, serves 127.0.0.1:4321, MQTT on 1883 and MQTT over TLS on 8883', () => {
    expect(parseStartOptions([], {})).toEqual({
      host: '127.0.0.1',
      port: 4321,
      mqttPort: 1883,
      mtlsPort: 8883,
      dataDir: '.lab',
      logLevel: 'info',
    });
  });

  it('takes every setting from its environment variable when no flag is given', () => {
    const env = {
      HANDSHAKE_HOST: '0.0.0.0',
      HANDSHAKE_PORT: '8080',
      HANDSHAKE_MQTT_PORT: '11883',
      HANDSHAKE_MTLS_PORT: '18883',
      HANDSHAKE_DATA_DIR: '/srv/lab',
      HANDSHAKE_LOG_LEVEL: 'debug',
    };

    expect(parseStartOptions([], env)).toEqual({
      host: '0.0.0.0',
      port: 8080,
      mqttPort: 11883,
      mtlsPort: 18883,
      dataDir: '/srv/lab',
      logLevel: 'debug',
    });
  });

  it('lets each flag beat its environment variable', () => {
    const args = ['--host', '::1', '--port=0', '--mqtt-port', '1884', '--mtls-port', '0'];
    const env = {
      HANDSHAKE_HOST: '0.0.0.0',
      HANDSHAKE_PORT: '8080',
      HANDSHAKE_MQTT_PORT: '2883',
      HANDSHAKE_MTLS_PORT: '9883',
    };
    const flags = [...args, '--data-dir', 'here', '--log-level', 'silent'];

    expect(parseStartOptions(flags, { ...env, HANDSHAKE_LOG_LEVEL: 'debug' })).toEqual({
      host: '::1',
      port: 0,
      mqttPort: 1884,
      mtlsPort: 0,
      dataDir: 'here',
      logLevel: 'silent',
    });
  });

  it('treats an empty environment variable as unset', () => {
    expect(parseStartOptions([], { HANDSHAKE_PORT: '', HANDSHAKE_MQTT_PORT: '' })).toMatchObject({
      port: 4321,
      mqttPort: 1883,
    });
  });

  it.each([
    [['--port', 'abc'], {}, "--port must be a port number from 0 to 65535 (got 'abc')."],
    [['--port', '70000'], {}, "--port must be a port number from 0 to 65535 (got '70000')."],
    [['--port=-1'], {}, "--port must be a port number from 0 to 65535 (got '-1')."],
    [['--mqtt-port', '1.5'], {}, "--mqtt-port must be a port number from 0 to 65535 (got '1.5')."],
    [['--mtls-port', 'tls'], {}, "--mtls-port must be a port number from 0 to 65535 (got 'tls')."],
    [
      [],
      { HANDSHAKE_MTLS_PORT: '-8883' },
      "HANDSHAKE_MTLS_PORT must be a port number from 0 to 65535 (got '-8883').",
    ],
    [
      [],
      { HANDSHAKE_PORT: '80 80' },
      "HANDSHAKE_PORT must be a port number from 0 to 65535 (got '80 80').",
    ],
    [
      [],
      { HANDSHAKE_MQTT_PORT: '65536' },
      "HANDSHAKE_MQTT_PORT must be a port number from 0 to 65535 (got '65536').",
    ],
  ])('refuses the port in %j %j, naming where it came from', (args, env, message) => {
    expect(usageError(() => parseStartOptions(args, env)).message).toBe(message);
  });

  it('blames the flag, not the environment, when a bad --port overrides a good variable', () => {
    const error = usageError(() => parseStartOptions(['--port', 'x'], { HANDSHAKE_PORT: '80' }));

    expect(error.message).toBe("--port must be a port number from 0 to 65535 (got 'x').");
  });

  it.each([
    [['--nope'], "Unknown option '--nope'"],
    [['start'], "Unexpected argument 'start'"],
    [['--port'], "Option '--port <value>' argument missing"],
  ])('answers %j with what was wrong, then the usage text', (args, first) => {
    const { message } = usageError(() => parseStartOptions(args, {}));

    expect(message.startsWith(first)).toBe(true);
    expect(message.endsWith(`\n\n${START_USAGE}`)).toBe(true);
  });

  it.each([[['--help']], [['-h']], [['--port', 'abc', '--help']]])(
    'returns help for %j, before checking anything else',
    (args) => {
      expect(parseStartOptions(args, {})).toBe('help');
    },
  );

  it('refuses a log level it does not know, listing the ones it does', () => {
    const error = usageError(() => parseStartOptions(['--log-level', 'loud'], {}));

    expect(error.message).toBe(
      "--log-level must be debug, info, warn, error or silent (got 'loud').",
    );
  });

  // Like ports, the log level names the setting the bad value came from.
  it('blames HANDSHAKE_LOG_LEVEL, not the flag, for a bad level set in the environment', () => {
    const error = usageError(() => parseStartOptions([], { HANDSHAKE_LOG_LEVEL: 'loud' }));

    expect(error.message).toBe(
      "HANDSHAKE_LOG_LEVEL must be debug, info, warn, error or silent (got 'loud').",
    );
  });

  it('documents every flag with its variable and default in the usage text', () => {
    expect(START_USAGE.split('\n').filter((line) => line.trimStart().startsWith('--'))).toEqual([
      expect.stringMatching(/--port N .*\(HANDSHAKE_PORT, default 4321\)$/),
      expect.stringMatching(/--mqtt-port N .*\(HANDSHAKE_MQTT_PORT, default 1883\)$/),
      expect.stringMatching(/--mtls-port N .*\(HANDSHAKE_MTLS_PORT, default 8883\)$/),
      expect.stringMatching(/--host ADDR .*\(HANDSHAKE_HOST, default 127\.0\.0\.1\)$/),
      expect.stringMatching(/--data-dir DIR .*\(HANDSHAKE_DATA_DIR, default \.lab\)$/),
      expect.stringMatching(/--log-level L .*\(HANDSHAKE_LOG_LEVEL, default info\)$/),
    ]);
  });
});
