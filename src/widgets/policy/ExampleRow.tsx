interface Props {
  /** The group's accessible name, e.g. "Example policies". */
  label: string;
  examples: readonly { id: string; label: string }[];
  current: string;
  /** Whether the learner has changed an example; such examples are marked. */
  edited: (id: string) => boolean;
  onOpen: (id: string) => void;
}

/**
 * A row of examples to load. Switching never loses work: each example keeps its own draft, which
 * the row marks as edited.
 */
export default function ExampleRow({ label, examples, current, edited, onOpen }: Props) {
  const anyEdited = examples.some((e) => edited(e.id));

  return (
    <div class="hs-policy-examples">
      <div class="hs-policy-examples__row" role="group" aria-label={label}>
        {examples.map((e) => (
          <button
            key={e.id}
            type="button"
            class="hs-button hs-policy-examples__button"
            aria-pressed={e.id === current}
            data-example={e.id}
            onClick={() => onOpen(e.id)}
          >
            {e.label}
            {edited(e.id) && (
              <span class="hs-policy-examples__edited" title="You changed this example">
                {' '}
                (edited)
              </span>
            )}
          </button>
        ))}
      </div>
      {anyEdited && (
        <p class="hs-note hs-note--inline">
          Your edits are kept for each example when you switch; “Restore the example” brings back
          the original.
        </p>
      )}
    </div>
  );
}
