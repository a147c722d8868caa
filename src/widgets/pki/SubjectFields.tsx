import type { NameAttributeKey } from '../../core/pki/index.ts';
import type { Pki } from './load-pki.ts';
import {
  SUBJECT_FIELDS,
  SUBJECT_LABELS,
  subjectProblems,
  type SubjectValues,
} from './subject-input.ts';

interface Props {
  values: SubjectValues;
  onChange: (values: SubjectValues) => void;
  /** Null until the core has loaded; the boxes work, the checks start then. */
  pki: Pki | null;
  /** Which attributes to ask for. Default: all six. */
  fields?: readonly NameAttributeKey[];
  /** Prefix for ids, so two forms on a page do not clash. */
  idPrefix: string;
}

/** Boxes for a distinguished name, each checked as it is typed; nothing typed is ever cleared. */
export default function SubjectFields({
  values,
  onChange,
  pki,
  fields = SUBJECT_FIELDS,
  idPrefix,
}: Props) {
  const problems = pki ? subjectProblems(pki, values) : {};

  return (
    <div class="hs-pki-subject">
      {fields.map((key) => {
        const { label, hint } = SUBJECT_LABELS[key];
        const problem = problems[key];
        const id = `${idPrefix}-${key}`;
        return (
          <div key={key} class="hs-field hs-pki-subject__field">
            <label for={id}>
              <span>{label}</span>
            </label>
            <input
              id={id}
              value={values[key] ?? ''}
              placeholder={hint}
              aria-invalid={problem ? 'true' : 'false'}
              aria-describedby={problem ? `${id}-problem` : undefined}
              spellcheck={false}
              autocomplete="off"
              onInput={(e) => onChange({ ...values, [key]: e.currentTarget.value })}
            />
            {problem && (
              <p
                id={`${id}-problem`}
                class="hs-pki-field-problem"
                data-attribute={key}
                role="alert"
              >
                {problem}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
