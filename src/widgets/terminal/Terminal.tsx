import { useEffect, useRef, useState } from 'preact/hooks';
import { GoalTracker, type TerminalGoal } from '../../core/shell/goal.ts';
import type { TerminalHandle } from '../../browser/terminal/terminal-runtime.ts';
import FileList from './FileList.tsx';
import GoalStatus from './GoalStatus.tsx';
import '../widgets.css';

interface Props {
  /** Commands the learner can click to type at the prompt (they are not run). */
  commands?: string[];
  /** What the exercise asks for; with several, reaching any one is enough. */
  goal?: TerminalGoal | TerminalGoal[];
  /** The terminal's accessible name. Default: "Lab terminal". */
  label?: string;
}

const SCREEN_READER_KEY = 'handshake.terminal.screenReader';

/**
 * A terminal in the lesson: real command shapes (mosquitto_sub, mosquitto_pub, …) against the
 * page's broker and the learner's files. xterm.js and the shell load when this becomes visible.
 */
export default function Terminal({ commands = [], goal, label = 'Lab terminal' }: Props) {
  const screen = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<TerminalHandle | null>(null);
  const [failure, setFailure] = useState('');
  const [screenReader, setScreenReader] = useState(() => readScreenReaderSetting());
  const [filesVersion, setFilesVersion] = useState(0);
  const goals = goal === undefined ? [] : Array.isArray(goal) ? goal : [goal];
  const [reached, setReached] = useState<TerminalGoal | null>(null);

  useEffect(() => {
    let live = true;
    let started: TerminalHandle | null = null;
    const tracker = new GoalTracker(goals);

    import('../../browser/terminal/terminal-runtime.ts')
      .then(({ startTerminal }) =>
        startTerminal(screen.current!, { screenReaderMode: screenReader, label }),
      )
      .then((opened) => {
        if (!live) return opened.dispose();
        started = opened;
        opened.onEvent((event) => {
          if (event.kind === 'files-changed' || event.kind === 'ran') setFilesVersion((v) => v + 1);
          const done = tracker.observe(event);
          if (done) setReached(done);
        });
        setHandle(opened);
      })
      .catch((error: Error) => {
        if (live)
          setFailure(`The terminal did not load (${error.message}). Reload the page to try again.`);
      });

    return () => {
      live = false;
      started?.dispose();
    };
  }, []);

  function toggleScreenReader(on: boolean) {
    setScreenReader(on);
    handle?.setScreenReaderMode(on);
    try {
      localStorage.setItem(SCREEN_READER_KEY, on ? 'on' : 'off');
    } catch {
      // No storage: the setting lasts for this page.
    }
  }

  return (
    <section
      class="hs-widget hs-terminal not-content"
      aria-label={label}
      data-ready={handle ? 'true' : 'false'}
    >
      <div class="hs-terminal__bar">
        <h3>Terminal</h3>
        <label class="hs-check">
          <input
            type="checkbox"
            checked={screenReader}
            onChange={(e) => toggleScreenReader(e.currentTarget.checked)}
          />
          Screen reader mode
        </label>
      </div>
      {commands.length > 0 && (
        <div class="hs-terminal__suggestions" role="group" aria-label="Suggested commands">
          <span class="hs-note hs-note--inline">Click to type:</span>
          {commands.map((command) => (
            <button
              type="button"
              class="hs-button hs-terminal__suggestion"
              key={command}
              disabled={!handle}
              onClick={() => handle?.type(command)}
            >
              <code>{command}</code>
            </button>
          ))}
        </div>
      )}
      <div class="hs-terminal__screen">
        {/* xterm owns this element's children; Preact leaves it empty. */}
        <div class="hs-terminal__xterm" ref={screen} />
        {!handle && !failure && <p class="hs-note hs-terminal__loading">Loading the terminal…</p>}
      </div>
      {failure && (
        <p class="hs-error" role="alert">
          {failure}
        </p>
      )}
      {goals.length > 0 && <GoalStatus goals={goals} reached={reached} />}
      <FileList files={handle?.files ?? null} version={filesVersion} />
      <p class="hs-note hs-terminal__keys">
        Tab completes; ↑ and ↓ recall commands; Ctrl-C stops one. Press Esc, then Tab, to leave the
        terminal.
      </p>
    </section>
  );
}

function readScreenReaderSetting(): boolean {
  try {
    return localStorage.getItem(SCREEN_READER_KEY) === 'on';
  } catch {
    // Storage blocked, or rendering at build time: start with the mode off.
    return false;
  }
}
