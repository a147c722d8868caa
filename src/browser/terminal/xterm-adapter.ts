/**
 * The one place that owns xterm.js: the terminal, its fit addon, resizing with the page, copy
 * and paste, the screen-reader mode, and clean-up. The shell talks to it through TerminalPort.
 * This module (and xterm's CSS) is imported only when a terminal widget becomes visible.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
// Inlined, not imported as a stylesheet: Astro would link an island's stylesheets from the
// page's <head>, which would load xterm's CSS with the page instead of with the terminal.
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import type { TerminalPort } from '../../core/shell/terminal-port.ts';

export interface XtermOptions {
  /** Default: false. Exposes the screen's text to screen readers as it is written. */
  screenReaderMode?: boolean;
  /** The input's accessible name. */
  label: string;
}

/** Dark in both site themes, like most terminals; colours chosen for 4.5:1 contrast or more. */
const THEME: ITheme = {
  background: '#16181d',
  foreground: '#e6e8eb',
  cursor: '#e6e8eb',
  selectionBackground: '#3a4a6b',
  red: '#ff7b72',
  green: '#56d364',
  yellow: '#e3b341',
  blue: '#79c0ff',
  brightBlack: '#8b949e',
};

export class XtermAdapter implements TerminalPort {
  private readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly observer: ResizeObserver;
  private frame = 0;
  /** Esc was the last key: the next Tab leaves the terminal instead of completing. */
  private escaped = false;

  constructor(host: HTMLElement, options: XtermOptions) {
    addStylesheetOnce();
    this.term = new Terminal({
      screenReaderMode: options.screenReaderMode ?? false,
      fontFamily: monospaceFont(host),
      fontSize: 14,
      // At 1.0 some monospace fonts draw '_' below the cell, where it is cut off.
      lineHeight: 1.2,
      theme: THEME,
      cursorBlink: true,
      scrollback: 2000,
      // The shell redraws the line being typed as one unit; xterm must re-wrap it on resize.
      reflowCursorLine: true,
      allowProposedApi: false,
    });
    this.term.loadAddon(this.fit);
    this.term.attachCustomKeyEventHandler((event) => this.keyDown(event));
    this.term.open(host);
    this.term.textarea?.setAttribute('aria-label', options.label);
    this.fitNow();

    this.observer = new ResizeObserver(() => this.scheduleFit());
    this.observer.observe(host);
  }

  columns(): number {
    return this.term.cols;
  }

  write(data: string): void {
    this.term.write(data);
  }

  onData(listener: (data: string) => void): () => void {
    const subscription = this.term.onData(listener);
    return () => subscription.dispose();
  }

  onResize(listener: (columns: number) => void): () => void {
    const subscription = this.term.onResize(({ cols }) => listener(cols));
    return () => subscription.dispose();
  }

  focus(): void {
    this.term.focus();
  }

  setScreenReaderMode(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.term.dispose();
  }

  /**
   * Keys the page handles before xterm: copy (Ctrl-C with a selection, or Ctrl-Shift-C), paste
   * (Ctrl-V and Ctrl-Shift-V reach xterm as a paste event), and Esc then Tab to leave the
   * terminal, since Tab itself completes. Returning false leaves the key to the browser.
   */
  private keyDown(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;

    const key = event.key.toLowerCase();
    const command = (event.ctrlKey || event.metaKey) && !event.altKey;
    if (command && key === 'c' && (event.shiftKey || this.term.hasSelection())) {
      const selected = this.term.getSelection();
      // If the browser denies the clipboard, the selection stays for its own Copy menu item.
      if (selected) void navigator.clipboard?.writeText(selected).catch(() => undefined);
      return false;
    }
    if (command && key === 'v') return false;

    if (event.key === 'Tab' && this.escaped) {
      this.escaped = false;
      return false;
    }
    this.escaped = event.key === 'Escape';

    return true;
  }

  private scheduleFit(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.fitNow());
  }

  /** Fits rows and columns to the host; a hidden host (no size) keeps the old size. */
  private fitNow(): void {
    if (this.fit.proposeDimensions()) this.fit.fit();
  }
}

/** Starlight's monospace stack (`--__sl-font-mono` holds a site's choice, then the system's). */
function monospaceFont(host: HTMLElement): string {
  const style = getComputedStyle(host);
  const stack = ['--__sl-font-mono', '--sl-font-system-mono']
    .map((name) => style.getPropertyValue(name).trim())
    .find((value) => value !== '');

  return stack ?? 'monospace';
}

function addStylesheetOnce(): void {
  if (document.querySelector('style[data-xterm]')) return;

  const style = document.createElement('style');
  style.dataset['xterm'] = '';
  style.textContent = xtermCss;
  document.head.append(style);
}
