/**
 * Runs command lines: parse, then for each command in the list, set up its redirection, run it
 * with the ports, and collect its exit status. Problems the learner can fix are written to
 * standard error with the status a POSIX shell would give (2 for syntax, 127 for an unknown
 * command, 130 after Ctrl-C); nothing is thrown at the page.
 */
import {
  INTERRUPTED,
  type Clock,
  type Command,
  type CommandContext,
  type ExitStatus,
  type Writer,
} from './command.ts';
import { STANDARD_COMMANDS } from './commands/index.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { FileAreaError, fileName, type FileArea } from './file-area.ts';
import { LabNames } from './lab-names.ts';
import type { MqttPort } from './mqtt-port.ts';
import { expandArgv, parseLine, type Redirect, type SimpleCommand } from './parse-line.ts';
import { CommandRegistry } from './registry.ts';
import type { RegistryPort } from './registry-port.ts';
import type { TlsPort } from './tls-port.ts';
import type { ShellEvent } from './shell-event.ts';
import { whenAborted, type InterruptSignal } from './signal.ts';

/** Exit statuses a POSIX shell gives for its own problems (POSIX 2.8.2). */
export const SYNTAX_ERROR = 2;
export const NOT_FOUND = 127;

const MAX_HISTORY = 200;

export interface ShellPorts {
  files: FileArea;
  mqtt: MqttPort;
  clock: Clock;
  /** For openssl; without it openssl says it cannot make keys here. */
  crypto?: CryptoPort;
  /** For `aws iot`; without it the commands say which broker to pick. */
  registry?: RegistryPort;
  /** For `openssl s_client`; without it s_client says no lab is there to connect to. */
  tls?: TlsPort;
}

export interface ShellOptions {
  /** Default: every standard command. */
  commands?: readonly Command[];
  /** Lines from an earlier visit, oldest first. */
  history?: readonly string[];
}

/** Where one command line's output goes, and the Ctrl-C that can stop it. */
export interface LineIo {
  stdout: Writer;
  stderr: Writer;
  signal: InterruptSignal;
  /** The terminal's width; default 80. */
  columns?: number;
}

export class Shell {
  readonly names = new LabNames();
  readonly registry: CommandRegistry;
  private readonly lines: string[];
  private readonly listeners = new Set<(event: ShellEvent) => void>();
  private fileNames: string[] = [];
  private runs = 0;
  private status: ExitStatus = 0;

  constructor(
    private readonly ports: ShellPorts,
    options: ShellOptions = {},
  ) {
    this.registry = new CommandRegistry(options.commands ?? STANDARD_COMMANDS);
    this.lines = [...(options.history ?? [])].slice(-MAX_HISTORY);
    this.names.provide('command', () => this.registry.list().map((c) => c.name));
    this.names.provide('file', () => this.fileNames);
    void this.refreshFileNames();
  }

  get history(): readonly string[] {
    return this.lines;
  }

  /** The exit status of the last command line, as `$?` would give it. */
  get lastStatus(): ExitStatus {
    return this.status;
  }

  onEvent(listener: (event: ShellEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Remembers a typed line; blank lines and a repeat of the previous line are skipped. */
  remember(line: string): void {
    if (line.trim() === '' || this.lines.at(-1) === line) return;
    this.lines.push(line);
    if (this.lines.length > MAX_HISTORY) this.lines.shift();
  }

  /** Re-reads the file names Tab completes (after a command, or when another widget writes). */
  async refreshFileNames(): Promise<void> {
    const files = await this.ports.files.list().catch(() => []);
    this.fileNames = files.map((f) => f.name);
  }

  /** Runs one command line; resolves with its exit status. */
  async run(line: string, io: LineIo): Promise<ExitStatus> {
    const parsed = parseLine(line, { expandStatus: true });
    for (const note of parsed.notes) io.stderr.write(`${note}\n`);

    if (!parsed.ok) {
      io.stderr.write(`shell: ${parsed.problem}\n`);
      return this.finish(line, SYNTAX_ERROR);
    }

    let status = this.status;
    for (const step of parsed.steps) {
      if (io.signal.aborted) break;
      if (step.runIf === 'success' && status !== 0) continue;
      if (step.runIf === 'failure' && status === 0) continue;

      const argv = expandArgv(step.command, status);
      status = await this.runCommand({ ...step.command, argv }, io);
    }

    return this.finish(line, io.signal.aborted ? INTERRUPTED : status);
  }

  private async finish(line: string, status: ExitStatus): Promise<ExitStatus> {
    this.status = status;
    await this.refreshFileNames();
    this.emit({ kind: 'ran', line, status });
    return status;
  }

  private emit(event: ShellEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }

  /** One simple command: find it, open its redirection, run it, write what it printed. */
  private async runCommand(simple: SimpleCommand, io: LineIo): Promise<ExitStatus> {
    const name = simple.argv[0] ?? '';
    const command = this.registry.find(name);
    if (!command) {
      io.stderr.write(`${this.registry.explainMissing(name)}\n`);
      return NOT_FOUND;
    }

    const target = simple.redirect ? await this.openRedirect(simple.redirect, io.stderr) : null;
    if (target === undefined) return 1;

    let captured = '';
    const stdout: Writer = target ? { write: (text) => (captured += text) } : io.stdout;
    const status = await this.runWithInterrupt(command, this.context(simple, stdout, io));

    if (target) {
      const written = await this.writeFile(target, captured, true, io.stderr);
      this.emit({ kind: 'files-changed' });
      if (!written) return 1;
    }

    return status;
  }

  private context(simple: SimpleCommand, stdout: Writer, io: LineIo): CommandContext {
    this.runs += 1;
    return {
      argv: simple.argv,
      run: this.runs,
      stdout,
      stderr: io.stderr,
      columns: io.columns ?? 80,
      signal: io.signal,
      files: this.ports.files,
      mqtt: this.ports.mqtt,
      clock: this.ports.clock,
      ...(this.ports.crypto ? { crypto: this.ports.crypto } : {}),
      ...(this.ports.registry ? { registry: this.ports.registry } : {}),
      ...(this.ports.tls ? { tls: this.ports.tls } : {}),
      names: this.names,
      commands: this.registry.list(),
      history: this.lines,
      clearHistory: () => this.lines.splice(0),
      emit: (event) => this.emit(event),
    };
  }

  /**
   * The command's status, or 130 as soon as Ctrl-C is pressed: a command still cleaning up
   * (sending DISCONNECT) finishes in the background, and the prompt comes back at once.
   */
  private async runWithInterrupt(command: Command, ctx: CommandContext): Promise<ExitStatus> {
    const abort = whenAborted(ctx.signal);
    const ran = command.run(ctx).catch((error: Error) => {
      ctx.stderr.write(`${command.name}: ${error.message}\n`);
      return 1;
    });
    const status = await Promise.race([ran, abort.promise.then(() => INTERRUPTED)]);
    abort.stop();

    return status;
  }

  /**
   * The file a redirection writes to, emptied first for `>` as a shell does before running the
   * command; undefined (after saying why) when it cannot be written.
   */
  private async openRedirect(redirect: Redirect, stderr: Writer): Promise<string | undefined> {
    const name = fileName(redirect.target);
    if (!name.ok) {
      stderr.write(`shell: cannot write to ${redirect.target}: ${name.why}\n`);
      return undefined;
    }
    if (!redirect.append && !(await this.writeFile(name.name, '', false, stderr))) return undefined;

    return name.name;
  }

  private async writeFile(
    name: string,
    text: string,
    append: boolean,
    stderr: Writer,
  ): Promise<boolean> {
    try {
      await this.ports.files.write(name, text, { append });
      return true;
    } catch (error) {
      const why =
        error instanceof FileAreaError
          ? error.message
          : `the browser said: ${(error as Error).message}`;
      stderr.write(`shell: cannot write to ${name}: ${why}\n`);
      return false;
    }
  }
}
