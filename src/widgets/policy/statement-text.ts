/** How a decision shows a Resource entry after its variables were substituted. */

/**
 * The substituted pattern, shortened to `…<type>/<name>` when it keeps the written pattern's
 * `arn:…:` prefix, so the part a variable changed stands out.
 */
export function shortSubstituted(written: string, substituted: string): string {
  const prefix = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:/.exec(written)?.[0];
  if (!prefix || !substituted.startsWith(prefix)) return substituted;

  return `…${substituted.slice(prefix.length)}`;
}
