import { useMemo, useState } from 'preact/hooks';
import { prettyPrint } from '../../core/json/format.ts';
import { base64, hexDump, payloadSize } from '../../core/json/payload.ts';
import { checkSyntax, looksLikeJson } from '../../core/json/syntax.ts';
import JsonProblems from './JsonProblems.tsx';

const VIEWS = ['text', 'json', 'hex', 'base64'] as const;
type View = (typeof VIEWS)[number];

const LABELS: Record<View, string> = { text: 'Text', json: 'JSON', hex: 'Hex', base64: 'Base64' };

/**
 * One received payload, four ways: as text, as pretty JSON (or its JSON problems), as a hex
 * dump and as Base64, with its size against AWS IoT Core's 128 KB limit. It opens on the view
 * that suits it: pretty JSON for JSON, text for text, hex for binary. Always text, never HTML.
 */
export default function PayloadViews({ payload }: { payload: Uint8Array }) {
  const seen = useMemo(() => read(payload), [payload]);
  const [view, setView] = useState<View>(seen.start);
  const size = payloadSize(payload.length);

  return (
    <div class="hs-payload" data-view={view}>
      <div class="hs-payload__bar">
        <div class="hs-payload__views" role="group" aria-label="Show the payload as">
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              class="hs-payload__view"
              aria-pressed={view === v}
              disabled={(v === 'text' && seen.text === null) || (v === 'json' && !seen.jsonish)}
              onClick={() => setView(v)}
            >
              {LABELS[v]}
            </button>
          ))}
        </div>
        <span class={`hs-payload__size${size.overLimit ? ' hs-payload__size--over' : ''}`}>
          {size.words}
        </span>
      </div>
      <Shown view={view} payload={payload} seen={seen} />
    </div>
  );
}

interface Seen {
  /** The payload as UTF-8 text, or null when it is not valid UTF-8. */
  text: string | null;
  /** True when the text starts like JSON, so a JSON view means something. */
  jsonish: boolean;
  check: ReturnType<typeof checkSyntax> | null;
  pretty: string | null;
  start: View;
}

function read(payload: Uint8Array): Seen {
  let text: string | null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    // Not UTF-8: a binary payload, shown as hex.
    text = null;
  }

  const jsonish = text !== null && looksLikeJson(text);
  const check = jsonish ? checkSyntax(text!) : null;
  const formatted = check?.ok ? prettyPrint(text!) : null;
  const pretty = formatted?.ok ? formatted.text : null;
  const start: View = text === null ? 'hex' : pretty !== null ? 'json' : 'text';

  return { text, jsonish, check, pretty, start };
}

function Shown({ view, payload, seen }: { view: View; payload: Uint8Array; seen: Seen }) {
  if (view === 'json' && seen.pretty !== null) {
    return (
      <pre class="hs-log__payload" data-format="json">
        {seen.pretty}
      </pre>
    );
  }
  if (view === 'json' && seen.check) {
    return (
      <JsonProblems
        problems={seen.check.problems}
        live="off"
        lead="This payload starts like JSON, but is not JSON:"
      />
    );
  }
  if (view === 'hex') {
    return (
      <pre class="hs-log__payload hs-log__payload--wide" data-format="hex">
        {hexDump(payload, { perLine: 8 })}
      </pre>
    );
  }
  if (view === 'base64') {
    return (
      <pre class="hs-log__payload" data-format="base64">
        {base64(payload)}
      </pre>
    );
  }

  return (
    <pre class="hs-log__payload" data-format="text">
      {seen.text ?? ''}
    </pre>
  );
}
