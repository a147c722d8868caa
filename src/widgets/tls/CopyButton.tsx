import { useEffect, useState } from 'preact/hooks';

interface Props {
  text: string;
  /** What is copied, for the button's accessible name, e.g. "mosquitto_pub". */
  what: string;
  /** The element holding the text, selected for the learner when the clipboard is refused. */
  source: () => HTMLElement | null;
}

type CopyState = 'idle' | 'copied' | 'refused';

/**
 * Copies `text` to the clipboard and says so. Browsers may refuse (no permission, an insecure
 * origin, an old browser): then the text is selected so the learner's own Ctrl+C copies it.
 */
export default function CopyButton({ text, what, source }: Props) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => setState('idle'), [text]);
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // The browser said no; selecting the text leaves the learner one key press away.
      selectContents(source());
      setState('refused');
    }
  }

  return (
    <span class="hs-copy">
      <button
        type="button"
        class="hs-button hs-button--quiet"
        aria-label={`Copy ${what}`}
        onClick={() => void copy()}
      >
        {state === 'copied' ? '✔ Copied' : 'Copy'}
      </button>
      <span class="hs-copy__status" role="status">
        {state === 'refused' &&
          'This browser did not allow copying: the text is selected, press Ctrl+C (⌘C on a Mac).'}
      </span>
    </span>
  );
}

function selectContents(element: HTMLElement | null): void {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  element.focus();
}
