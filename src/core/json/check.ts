/**
 * The one JSON check every widget and command uses: syntax first, then, for a document that is
 * JSON, the schema when there is one. Problems come back in one list, shown the same way
 * everywhere.
 */
import { hasErrors } from './problem.ts';
import { validateAgainst, type CompiledSchema } from './schema.ts';
import { checkSyntax, type SyntaxCheck } from './syntax.ts';

export { looksLikeJson } from './syntax.ts';

export type JsonCheck = SyntaxCheck;

export function checkJson(text: string, schema?: CompiledSchema | null): JsonCheck {
  const syntax = checkSyntax(text);
  if (!schema || !syntax.ok) return syntax;

  const problems = [...syntax.problems, ...validateAgainst(text, syntax, schema)];
  return { ...syntax, ok: !hasErrors(problems), problems };
}
