import { useMemo, useState } from 'preact/hooks';
import { minify, prettyPrint } from '../../core/json/format.ts';
import {
  BUILT_IN_SCHEMAS,
  isBuiltInSchema,
  type BuiltInSchemaId,
} from '../../core/json/schemas.ts';
import { utf8ByteLength } from '../../core/mqtt/topic-problem.ts';
import { useHydrated } from '../use-hydrated.ts';
import { findExample, JSON_EXAMPLES } from './examples.ts';
import JsonField from './JsonField.tsx';
import { checkSyntax } from '../../core/json/syntax.ts';
import { useSchemaTools } from './use-schema-tools.ts';
import Verdict from './Verdict.tsx';
import '../widgets.css';

interface Props {
  /** The id of an example in examples.ts to start with. Default: the valid policy. */
  example?: string;
  /** A schema to start with, overriding the example's: a built-in schema id, or 'none'. */
  schema?: BuiltInSchemaId | 'none';
}

/** A JSON validator and formatter: paste a document, see every problem at its place, tidy it. */
export default function JsonValidator({ example = 'policy', schema: initialSchema }: Props) {
  const hydrated = useHydrated();
  const start = findExample(example) ?? JSON_EXAMPLES[0]!;
  const [text, setText] = useState(start.text);
  const [schemaId, setSchemaId] = useState<BuiltInSchemaId | 'none'>(
    initialSchema ?? start.schema ?? 'none',
  );
  const [chosen, setChosen] = useState(start.id);

  // Until the schema tools arrive (right after hydration), the text gets its syntax check.
  const tools = useSchemaTools();
  const schema = useMemo(() => {
    if (schemaId === 'none' || !tools) return null;
    const compiled = tools.builtInSchema(schemaId);
    return compiled.ok ? compiled : null;
  }, [schemaId, tools]);
  const check = useMemo(
    () => (tools ? tools.checkJson(text, schema) : checkSyntax(text)),
    [text, schema, tools],
  );
  const isJson = !check.problems.some(
    (p) => p.severity === 'error' && p.kind !== 'schema-mismatch',
  );

  function load(id: string) {
    const found = findExample(id);
    if (!found) return;

    setChosen(id);
    setText(found.text);
    setSchemaId(found.schema ?? 'none');
  }

  function format(how: typeof prettyPrint) {
    const formatted = how(text);
    if (formatted.ok) setText(formatted.text);
  }

  return (
    <div
      class="hs-widget hs-json-tool not-content"
      role="group"
      aria-label="JSON validator"
      data-ready={hydrated && tools ? 'true' : 'false'}
    >
      <div class="hs-row">
        <label class="hs-field hs-field--grow">
          <span>Example</span>
          <select value={chosen} onChange={(e) => load(e.currentTarget.value)}>
            {JSON_EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <label class="hs-field hs-field--grow">
          <span>Check against</span>
          <select
            value={schemaId}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setSchemaId(isBuiltInSchema(value) ? value : 'none');
            }}
          >
            <option value="none">JSON syntax only</option>
            {Object.entries(BUILT_IN_SCHEMAS).map(([id, s]) => (
              <option key={id} value={id}>
                {s.label} schema
              </option>
            ))}
          </select>
        </label>
      </div>
      <JsonField
        label="JSON document"
        value={text}
        onInput={setText}
        problems={check.problems}
        rows={9}
      >
        <div class="hs-row hs-json-tool__actions">
          <button
            type="button"
            class="hs-button"
            disabled={!isJson}
            onClick={() => format(prettyPrint)}
          >
            Pretty-print
          </button>
          <button type="button" class="hs-button" disabled={!isJson} onClick={() => format(minify)}>
            Minify
          </button>
          <Verdict check={check} schemaName={schema?.name} />
          <span class="hs-json-field__size">{utf8ByteLength(text)} bytes</span>
        </div>
      </JsonField>
    </div>
  );
}
