/**
 * The prompt: reads keys from a TerminalPort, edits the line, completes it on Tab, hands it to
 * the Shell on Enter, and shows what the command prints. While a command runs, keys wait their
 * turn (so a pasted list of commands runs one after another) and Ctrl-C stops it.
 */
import type { Writer } from './command.ts';
import { commonPrefix, complete, completionText, needsQuotes } from './complete.ts';
import { decodeKeys, type Key } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import { cursorRowAfterResize, drawLine, widthOf, type Prompt } from './line-view.ts';
import type { Shell } from './shell.ts';
import { createInterrupter, type Interrupter } from './signal.ts';
import type { TerminalPort } from './terminal-port.ts';
import { wrapWords } from './wrap.ts';

/** `lab:~$ ` in bold green and blue (SGR 1, 32 and 34). */
export const PROMPT: Prompt = { text: '\x1b[1;32mlab\x1b[0m:\x1b[1;34m~\x1b[0m$ ', width: 7 };

/** Most candidates listed after a second Tab; more would push the prompt off the screen. */
const MAX_LISTED = 60;

const NOTE_COLOUR = '\x1b[33m';
const ERROR_COLOUR = '\x1b[31m';
const RESET = '\x1b[0m';

export class TerminalSession {
  private readonly editor: LineEditor;
  private running: Interrupter | null = null;
  private readonly waiting: Key[] = [];
  private pendingLine: string | null = null;
  private cursorRow = 0;
  private atLineStart = true;
  private tabsInARow = 0;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly shell: Shell,
    private readonly terminal: TerminalPort,
  ) {
    this.editor = new LineEditor(() => shell.history);
  }

  /** Prints `banner` (lines, no colours needed) and the first prompt, then listens for keys. */
  start(banner = ''): void {
    if (banner !== '') this.output(banner, 'out');
    this.showPrompt();
    this.stops.push(
      this.terminal.onData((data) => this.receive(data)),
      this.terminal.onResize((columns) => this.resized(columns)),
    );
  }

  /** Whether a command is running. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Puts `text` at the prompt without running it; while a command runs, at the next prompt. */
  type(text: string): void {
    if (this.running) {
      this.pendingLine = text;
      return;
    }
    this.editor.set(text);
    this.redraw();
  }

  dispose(): void {
    this.running?.abort();
    this.stops.splice(0).forEach((stop) => stop());
  }

  private receive(data: string): void {
    const keys = decodeKeys(data);
    if (this.running) {
      // Ctrl-C stops the command and, like a terminal's interrupt, drops what was typed ahead.
      if (keys.some((k) => k.kind === 'ctrl' && k.letter === 'c')) {
        this.waiting.splice(0);
        this.interrupt();
      } else {
        this.waiting.push(...keys);
      }
      return;
    }

    this.waiting.push(...keys);
    this.drain();
  }

  private drain(): void {
    while (!this.running && this.waiting.length > 0) this.handle(this.waiting.shift()!);
  }

  private handle(key: Key): void {
    const tabs = key.kind === 'tab' ? this.tabsInARow + 1 : 0;
    this.tabsInARow = tabs;

    switch (key.kind) {
      case 'enter':
        return this.submit();
      case 'tab':
        return this.completeWord(tabs);
      case 'ctrl':
        return this.control(key.letter);
      case 'text':
        this.editor.insert(key.text);
        break;
      case 'escape':
        return;
      default:
        this.move(key.kind);
    }
    this.redraw();
  }

  private move(kind: Exclude<Key['kind'], 'enter' | 'tab' | 'ctrl' | 'text' | 'escape'>): void {
    const e = this.editor;
    const actions: Record<typeof kind, () => void> = {
      backspace: () => e.backspace(),
      delete: () => e.deleteForward(),
      left: () => e.left(),
      right: () => e.right(),
      up: () => e.historyUp(),
      down: () => e.historyDown(),
      home: () => e.home(),
      end: () => e.end(),
      'word-left': () => e.wordLeft(),
      'word-right': () => e.wordRight(),
      'alt-backspace': () => e.deleteWordPartBefore(),
    };
    actions[kind]();
  }

  /** Readline's emacs bindings for Ctrl and a letter. */
  private control(letter: string): void {
    const e = this.editor;
    const bindings: Record<string, () => void> = {
      a: () => e.home(),
      e: () => e.end(),
      b: () => e.left(),
      f: () => e.right(),
      p: () => e.historyUp(),
      n: () => e.historyDown(),
      u: () => e.killToStart(),
      k: () => e.killToEnd(),
      w: () => e.deleteWordBefore(),
      d: () => e.deleteForward(),
    };

    if (letter === 'c') return this.abandonLine();
    if (letter === 'l') return this.clearScreen();

    const binding = bindings[letter];
    if (!binding) return;
    binding();
    this.redraw();
  }

  private submit(): void {
    const line = this.editor.text;
    this.leaveLine();
    this.shell.remember(line);
    this.editor.clear();

    if (line.trim() === '') return this.showPrompt();

    const interrupter = createInterrupter();
    this.running = interrupter;
    const io = {
      stdout: this.writerFor(interrupter, 'out'),
      stderr: this.writerFor(interrupter, 'err'),
      signal: interrupter.signal,
      columns: this.terminal.columns(),
    };

    void this.shell.run(line, io).then(() => {
      if (this.running !== interrupter) return;
      this.running = null;
      this.showPrompt();
      this.drain();
    });
  }

  private interrupt(): void {
    const interrupter = this.running;
    if (!interrupter) return;

    this.terminal.write('^C');
    this.atLineStart = false;
    interrupter.abort();
  }

  /** Ctrl-C at the prompt: the line is dropped and a fresh prompt shown, as in bash. */
  private abandonLine(): void {
    this.editor.end();
    this.redraw();
    this.terminal.write('^C\r\n');
    this.atLineStart = true;
    this.editor.clear();
    this.showPrompt();
  }

  private clearScreen(): void {
    // Home the cursor and erase the screen (ECMA-48 CUP and ED 2); the scrollback stays.
    this.terminal.write('\x1b[H\x1b[2J');
    this.cursorRow = 0;
    this.redraw();
  }

  private completeWord(tabsInARow: number): void {
    const found = complete(this.editor.beforeCursor, this.shell.registry.list(), this.shell.names);
    const { candidates, start, quote, prefix } = found;
    if (candidates.length === 0) return;

    if (candidates.length === 1) {
      this.editor.replaceBeforeCursor(start, completionText(candidates[0]!, quote, true));
      return this.redraw();
    }

    const shared = commonPrefix(candidates);
    if (shared.length > prefix.length) {
      // Open the quote now if the word will need one, so the learner can type '#' next.
      const opening = quote ?? (candidates.some(needsQuotes) ? "'" : null);
      this.editor.replaceBeforeCursor(start, completionText(shared, opening, false));
      return this.redraw();
    }

    // A second Tab with nothing more to add lists the choices, as bash does.
    if (tabsInARow >= 2) this.listCandidates(candidates);
  }

  private listCandidates(candidates: readonly string[]): void {
    const shown = candidates.slice(0, MAX_LISTED);
    const columns = this.terminal.columns();
    const width = Math.max(...shown.map((c) => widthOf([...c]))) + 2;
    const perRow = Math.max(1, Math.floor(columns / width));

    const rows: string[] = [];
    for (let i = 0; i < shown.length; i += perRow) {
      rows.push(
        shown
          .slice(i, i + perRow)
          .map((c) => c.padEnd(width))
          .join('')
          .trimEnd(),
      );
    }
    if (candidates.length > shown.length)
      rows.push(`… and ${candidates.length - shown.length} more`);

    this.leaveLine();
    this.terminal.write(`${rows.join('\r\n')}\r\n`);
    this.cursorRow = 0;
    this.redraw();
  }

  /** Moves below the line being typed, leaving it on screen as typed. */
  private leaveLine(): void {
    const drawn = drawLine(
      PROMPT,
      this.editor.codePoints,
      this.editor.codePoints.length,
      this.terminal.columns(),
      this.cursorRow,
    );
    this.terminal.write(`${drawn.output}\r\n`);
    this.cursorRow = 0;
    this.atLineStart = true;
  }

  private showPrompt(): void {
    if (!this.atLineStart) this.terminal.write('\r\n');
    this.cursorRow = 0;
    if (this.pendingLine !== null) {
      this.editor.set(this.pendingLine);
      this.pendingLine = null;
    }
    this.redraw();
  }

  private redraw(): void {
    const drawn = drawLine(
      PROMPT,
      this.editor.codePoints,
      this.editor.cursor,
      this.terminal.columns(),
      this.cursorRow,
    );
    this.terminal.write(drawn.output);
    this.cursorRow = drawn.cursorRow;
  }

  private resized(columns: number): void {
    if (this.running) return;
    // xterm re-wraps the line (reflowCursorLine), so only the cursor's row needs working out.
    this.cursorRow = cursorRowAfterResize(
      PROMPT,
      this.editor.codePoints,
      this.editor.cursor,
      columns,
    );
  }

  /** Output of one command line; silent once Ctrl-C stopped it. */
  private writerFor(interrupter: Interrupter, stream: 'out' | 'err'): Writer {
    return {
      write: (text) => {
        if (this.running !== interrupter || interrupter.signal.aborted) return;
        this.output(text, stream);
      },
    };
  }

  private output(text: string, stream: 'out' | 'err'): void {
    if (text === '') return;

    const columns = this.terminal.columns();
    const lines = text.split('\n').map((line) => {
      if (stream === 'out' || line === '') return line;
      const colour = line.startsWith('note:') ? NOTE_COLOUR : ERROR_COLOUR;
      return wrapWords(line, columns)
        .map((row) => `${colour}${row}${RESET}`)
        .join('\r\n');
    });
    this.terminal.write(lines.join('\r\n'));
    // After `clear` (ED 3) the cursor is home, which is as good as a fresh line.
    this.atLineStart = text.endsWith('\n') || text.endsWith('\x1b[3J');
  }
}
