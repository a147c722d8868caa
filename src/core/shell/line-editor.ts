/**
 * The line being typed at the prompt, and the history it can be swapped with. Characters are
 * kept as code points, so the cursor never lands inside a surrogate pair. Key bindings follow
 * GNU Readline's emacs mode, the default of bash.
 */

export class LineEditor {
  private chars: string[] = [];
  private position = 0;
  /** Index into history while walking it; equal to its length on the line being typed. */
  private historyIndex: number;
  /** The line being typed, kept while Up and Down show older ones. */
  private draft: string[] = [];

  constructor(private readonly history: () => readonly string[]) {
    this.historyIndex = history().length;
  }

  get text(): string {
    return this.chars.join('');
  }

  /** The cursor as an index into the code points of `text`. */
  get cursor(): number {
    return this.position;
  }

  /** The code points before the cursor, joined. */
  get beforeCursor(): string {
    return this.chars.slice(0, this.position).join('');
  }

  get codePoints(): readonly string[] {
    return this.chars;
  }

  /** Replaces the whole line and puts the cursor at its end; history walking restarts. */
  set(text: string): void {
    this.chars = [...text];
    this.position = this.chars.length;
    this.historyIndex = this.history().length;
  }

  insert(text: string): void {
    const added = [...text];
    this.chars.splice(this.position, 0, ...added);
    this.position += added.length;
  }

  /** Replaces the code points from `start` to the cursor with `text` (for Tab completion). */
  replaceBeforeCursor(start: number, text: string): void {
    const added = [...text];
    this.chars.splice(start, this.position - start, ...added);
    this.position = start + added.length;
  }

  left(): void {
    this.position = Math.max(0, this.position - 1);
  }

  right(): void {
    this.position = Math.min(this.chars.length, this.position + 1);
  }

  home(): void {
    this.position = 0;
  }

  end(): void {
    this.position = this.chars.length;
  }

  backspace(): void {
    if (this.position === 0) return;
    this.chars.splice(this.position - 1, 1);
    this.position -= 1;
  }

  deleteForward(): void {
    this.chars.splice(this.position, 1);
  }

  /** Ctrl-U: delete from the start of the line to the cursor. */
  killToStart(): void {
    this.chars.splice(0, this.position);
    this.position = 0;
  }

  /** Ctrl-K: delete from the cursor to the end of the line. */
  killToEnd(): void {
    this.chars.splice(this.position);
  }

  /** Ctrl-W (unix-word-rubout): delete back to the previous blank. */
  deleteWordBefore(): void {
    this.deleteBackTo(this.wordStart(/\s/));
  }

  /** Alt-Backspace (backward-kill-word): delete back to the previous non-word character. */
  deleteWordPartBefore(): void {
    this.deleteBackTo(this.wordStart(/[^\p{L}\p{N}_]/u));
  }

  wordLeft(): void {
    this.position = this.wordStart(/[^\p{L}\p{N}_]/u);
  }

  wordRight(): void {
    let i = this.position;
    const separator = /[^\p{L}\p{N}_]/u;
    while (i < this.chars.length && separator.test(this.chars[i]!)) i++;
    while (i < this.chars.length && !separator.test(this.chars[i]!)) i++;
    this.position = i;
  }

  /** Up: the previous history line; the line being typed is kept for Down. */
  historyUp(): void {
    const history = this.history();
    if (this.historyIndex > history.length) this.historyIndex = history.length;
    if (this.historyIndex === 0) return;

    if (this.historyIndex === history.length) this.draft = [...this.chars];
    this.historyIndex -= 1;
    this.show([...(history[this.historyIndex] ?? '')]);
  }

  historyDown(): void {
    const history = this.history();
    if (this.historyIndex >= history.length) return;

    this.historyIndex += 1;
    this.show(
      this.historyIndex === history.length ? this.draft : [...(history[this.historyIndex] ?? '')],
    );
  }

  /** Empties the line after it was submitted or abandoned. */
  clear(): void {
    this.chars = [];
    this.position = 0;
    this.draft = [];
    this.historyIndex = this.history().length;
  }

  private show(chars: string[]): void {
    this.chars = chars;
    this.position = chars.length;
  }

  private deleteBackTo(start: number): void {
    this.chars.splice(start, this.position - start);
    this.position = start;
  }

  /** Where the word before the cursor starts, skipping separators next to the cursor first. */
  private wordStart(separator: RegExp): number {
    let i = this.position;
    while (i > 0 && separator.test(this.chars[i - 1]!)) i--;
    while (i > 0 && !separator.test(this.chars[i - 1]!)) i--;
    return i;
  }
}
