import { useMemo, useState } from 'preact/hooks';
import { prettyPrint } from '../../core/json/format.ts';
import { useHydrated } from '../use-hydrated.ts';
import {
  draftValue,
  editDraft,
  isEdited,
  newDraftBook,
  openDraft,
  restoreDraft,
  type DraftBook,
} from './drafts.ts';
import { EDITOR_EXAMPLES, findEditorExample } from './editor-examples.ts';
import ExampleRow from './ExampleRow.tsx';
import PolicyField from './PolicyField.tsx';
import { checkPolicyText } from './policy-text.ts';
import '../widgets.css';

interface Props {
  /** The id of an example in editor-examples.ts to start with. Default: the device policy. */
  example?: string;
}

const original = (id: string) => findEditorExample(id)?.text ?? '';

/**
 * A policy editor: type or load a policy and see, as you type, JSON errors at their line and
 * column, then what AWS IoT would refuse and what is risky, each at its path.
 */
export default function PolicyEditor({ example = 'device' }: Props) {
  const hydrated = useHydrated();
  const start = findEditorExample(example) ?? EDITOR_EXAMPLES[0]!;
  const [book, setBook] = useState<DraftBook<string>>(() => newDraftBook(start.id));
  const text = draftValue(book, original);
  const check = useMemo(() => checkPolicyText(text), [text]);
  const edited = isEdited(book, original);

  function tidy() {
    const formatted = prettyPrint(text);
    if (formatted.ok) setBook((b) => editDraft(b, formatted.text));
  }

  return (
    <div
      class="hs-widget hs-policy-editor not-content"
      role="group"
      aria-label="Policy editor"
      data-ready={hydrated ? 'true' : 'false'}
    >
      <ExampleRow
        label="Example policies"
        examples={EDITOR_EXAMPLES}
        current={book.current}
        edited={(id) => isEdited(book, original, id)}
        onOpen={(id) => setBook((b) => openDraft(b, id))}
      />
      <PolicyField
        label="Policy document"
        value={text}
        onInput={(value) => setBook((b) => editDraft(b, value))}
        check={check}
        rows={14}
      >
        <button
          type="button"
          class="hs-button"
          disabled={check.document === undefined}
          onClick={tidy}
        >
          Pretty-print
        </button>
        <button
          type="button"
          class="hs-button"
          disabled={!edited}
          onClick={() => setBook((b) => restoreDraft(b))}
        >
          Restore the example
        </button>
      </PolicyField>
    </div>
  );
}
