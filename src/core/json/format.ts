/**
 * Pretty-printing and minifying by rewriting only the whitespace between momoa's tokens.
 * Every token is kept exactly as written, so a 20-digit ID keeps its digits and a duplicate
 * key stays visible, which a JSON.parse and JSON.stringify round trip would both lose.
 */
import { tokenize, type Token } from '@humanwhocodes/momoa';
import { checkSyntax } from './syntax.ts';

export type Formatted = { ok: true; text: string } | { ok: false };

/** The text with each member and element on its own line, indented by `indent` spaces. */
export function prettyPrint(text: string, indent = 2): Formatted {
  const tokens = validTokens(text);
  if (!tokens) return { ok: false };

  const pad = (depth: number) => `\n${' '.repeat(indent * depth)}`;
  let out = '';
  let depth = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const raw = rawText(text, token);
    const next = tokens[i + 1];

    switch (token.type) {
      case 'LBrace':
      case 'LBracket':
        // An empty object or array stays on one line: {} and [].
        if (next?.type === (token.type === 'LBrace' ? 'RBrace' : 'RBracket')) {
          out += raw + rawText(text, next);
          i += 1;
        } else {
          depth += 1;
          out += raw + pad(depth);
        }
        break;
      case 'RBrace':
      case 'RBracket':
        depth -= 1;
        out += pad(depth) + raw;
        break;
      case 'Comma':
        out += `,${pad(depth)}`;
        break;
      case 'Colon':
        out += ': ';
        break;
      default:
        out += raw;
    }
  }

  return { ok: true, text: out };
}

/** The text with no whitespace between tokens: the smallest payload with the same meaning. */
export function minify(text: string): Formatted {
  const tokens = validTokens(text);
  if (!tokens) return { ok: false };

  return { ok: true, text: tokens.map((t) => rawText(text, t)).join('') };
}

/** The tokens of a text that is JSON; a byte order mark is dropped with the whitespace. */
function validTokens(text: string): Token[] | null {
  if (!checkSyntax(text).ok) return null;

  return tokenize(text.replace(/^\uFEFF/, ' '));
}

function rawText(text: string, token: Token): string {
  return text.slice(token.loc.start.offset, token.loc.end.offset);
}
