/** Log levels, quietest last; the lab prints `info` and above unless told otherwise. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogSink = (line: string) => void;

/** A namespaced logger (`lab:mqtt`, `lab:http`) writing one line per event. */
export function createLogger(namespace: string, level: LogLevel, sink: LogSink): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (wanted: LogLevel) => (message: string) => {
    if (LOG_LEVELS.indexOf(wanted) < threshold) return;
    const time = new Date().toISOString().slice(11, 19);
    sink(`${time} ${namespace} ${wanted === 'info' ? '' : `${wanted.toUpperCase()} `}${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
