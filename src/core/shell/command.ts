/**
 * What a terminal command is, and what it gets to work with. Commands reach files, the broker
 * and time only through the ports in `CommandContext`, so the same command runs in the page,
 * in Node and in a unit test.
 */
import type { CryptoPort } from '../pki/crypto-port.ts';
import type { FileArea } from './file-area.ts';
import type { LabNames, NameKind } from './lab-names.ts';
import type { MqttPort } from './mqtt-port.ts';
import type { RegistryPort } from './registry-port.ts';
import type { TlsPort } from './tls-port.ts';
import type { ShellEvent } from './shell-event.ts';
import type { InterruptSignal } from './signal.ts';

/** Exit status, as a shell sees it: 0 for success, 1 to 125 for failures, 130 after Ctrl-C. */
export type ExitStatus = number;

/** Exit status of a command stopped with Ctrl-C: 128 + SIGINT (2), as POSIX shells report it. */
export const INTERRUPTED = 130;

export interface Writer {
  write(text: string): void;
}

/** Time, for timeouts; the page passes `setTimeout`, a test can pass a fake. */
export interface Clock {
  now(): number;
  /** Calls `callback` after `ms`; the returned function cancels it. */
  after(ms: number, callback: () => void): () => void;
}

/** Where the words after an option or an operand come from when Tab completes them. */
export type CompletionHint = NameKind | { words: readonly string[] };

export interface OptionSpec {
  /** The option as typed, e.g. `-t` or `--cafile`. */
  flag: string;
  /** The name of its value in usage text (`topic`); absent for a switch such as `-v`. */
  value?: string;
  /** May be given more than once, each value kept (e.g. `-t` of mosquitto_sub). */
  repeatable?: boolean;
  summary: string;
  complete?: CompletionHint;
}

export interface CommandContext {
  /** The name the command was called by, then its arguments. */
  argv: readonly string[];
  /** Numbers each command the shell starts, so events from one run can be told apart. */
  run: number;
  stdout: Writer;
  stderr: Writer;
  /** The terminal's width, for commands that wrap their own prose (help); 80 by default. */
  columns: number;
  /** Aborted by Ctrl-C; a command that waits must stop waiting and clean up. */
  signal: InterruptSignal;
  files: FileArea;
  mqtt: MqttPort;
  clock: Clock;
  /** WebCrypto, for openssl's keys and signatures; absent where the platform has none. */
  crypto?: CryptoPort;
  /** The lab registry behind the page's broker, for `aws iot`; absent in a bare shell. */
  registry?: RegistryPort;
  /** Mutual TLS with the lab behind the page's broker, for `openssl s_client`. */
  tls?: TlsPort;
  /** Names Tab completes, and where commands record the topics they used. */
  names: LabNames;
  /** The shell's command list, for `help`. */
  commands: readonly Command[];
  /** Lines typed so far, oldest first, for `history`. */
  history: readonly string[];
  clearHistory(): void;
  /** Tells whoever watches the shell (a lesson's goal check, the widget's file list). */
  emit(event: ShellEvent): void;
}

export interface Command {
  name: string;
  summary: string;
  /** One-line synopsis, e.g. `mosquitto_sub -t filter [-v] [-C count]`. */
  usage: string;
  options: readonly OptionSpec[];
  /** What each operand (non-option word) completes to, in order; the last one repeats. */
  operands?: readonly CompletionHint[];
  run(ctx: CommandContext): Promise<ExitStatus>;
}
