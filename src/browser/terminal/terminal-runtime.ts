/**
 * Everything a terminal widget runs, put together: xterm behind its adapter, the shell with the
 * page's ports (files in localStorage, the page's broker, the browser's timers), and the
 * prompt. The widget imports this module when it becomes visible, so none of it (xterm
 * included) is in the page's first download.
 */
import { MemoryFileArea, type FileArea } from '../../core/shell/file-area.ts';
import type { MqttPort } from '../../core/shell/mqtt-port.ts';
import type { ShellEvent } from '../../core/shell/shell-event.ts';
import { Shell } from '../../core/shell/shell.ts';
import { TerminalSession } from '../../core/shell/terminal-session.ts';
import { LocalFileArea } from './local-file-area.ts';
import { pageMqttPort } from './page-mqtt-port.ts';
import { pageRegistryPort } from './page-registry-port.ts';
import { pageTlsPort } from './page-tls-port.ts';
import { XtermAdapter } from './xterm-adapter.ts';

const HISTORY_KEY = 'handshake.terminal.history';

export interface TerminalHandle {
  /** Puts a command at the prompt without running it. */
  type(text: string): void;
  focus(): void;
  setScreenReaderMode(on: boolean): void;
  onEvent(listener: (event: ShellEvent) => void): () => void;
  files: FileArea;
  dispose(): void;
}

export async function startTerminal(
  host: HTMLElement,
  options: { screenReaderMode: boolean; label: string },
): Promise<TerminalHandle> {
  const persistent = LocalFileArea.available();
  const files: FileArea = persistent ? new LocalFileArea() : new MemoryFileArea();
  const mqtt = pageMqttPort();
  const shell = new Shell(
    {
      files,
      mqtt,
      clock: browserClock(),
      crypto: globalThis.crypto,
      registry: pageRegistryPort(),
      tls: pageTlsPort(),
    },
    { history: loadHistory() },
  );
  const adapter = new XtermAdapter(host, options);
  const session = new TerminalSession(shell, adapter);

  const stops = [
    shell.onEvent((event) => event.kind === 'ran' && saveHistory(shell.history)),
    listenForOtherTabs(shell),
  ];
  session.start(await banner(mqtt, persistent));

  return {
    type: (text) => {
      session.type(text);
      adapter.focus();
    },
    focus: () => adapter.focus(),
    setScreenReaderMode: (on) => adapter.setScreenReaderMode(on),
    onEvent: (listener) => shell.onEvent(listener),
    files,
    dispose: () => {
      stops.forEach((stop) => stop());
      session.dispose();
      adapter.dispose();
    },
  };
}

/** Where the MQTT commands go, and anything unusual about this page, before the first prompt. */
async function banner(mqtt: MqttPort, persistent: boolean): Promise<string> {
  const broker = await mqtt.describe();
  const lines = [
    'Handshake lab terminal.',
    `MQTT commands use this page's broker: ${broker.label}.`,
  ];
  if (!broker.explains) {
    lines.push('note: this is a public broker; anyone can read what you publish there.');
  }
  if (!persistent) {
    lines.push('note: this browser blocks storage, so your files last until the page closes.');
  }
  lines.push("Type 'help' for the commands; Tab completes.", '');

  return lines.join('\n');
}

function browserClock() {
  return {
    now: () => Date.now(),
    after(ms: number, callback: () => void) {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
  };
}

function loadHistory(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    // No storage, or a damaged entry: the history starts empty, which is all it costs.
    return [];
  }
}

function saveHistory(history: readonly string[]): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history.slice(-200)));
  } catch {
    // No storage: the history lasts for this page, as the banner said.
  }
}

/** Files written in another tab show up in Tab completion here. */
function listenForOtherTabs(shell: Shell): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === 'handshake.files') void shell.refreshFileNames();
  };
  addEventListener('storage', onStorage);
  return () => removeEventListener('storage', onStorage);
}
