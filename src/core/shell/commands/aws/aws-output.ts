/**
 * A response in the AWS CLI's three output formats (AWS CLI User Guide, "Setting the output
 * format"): `json`, indented by four spaces; `text`, tab-separated, scalars of each object in
 * key order on one line, led by the list's name in capitals; `table`, boxed sections headed by
 * the operation and by each nested key.
 */
import { renderTable } from './aws-table.ts';

export const OUTPUT_FORMATS = ['json', 'text', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export function formatResponse(response: unknown, format: OutputFormat, api: string): string {
  if (format === 'json') return `${JSON.stringify(response, null, 4)}\n`;
  if (format === 'table') return renderTable(api, response);

  const lines: string[] = [];
  textLines(response, undefined, lines);
  return lines.map((l) => `${l}\n`).join('');
}

export function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function textLines(value: unknown, identifier: string | undefined, lines: string[]): void {
  const lead = identifier === undefined ? [] : [identifier.toUpperCase()];

  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      if (value.length > 0) lines.push([...lead, ...value.map(scalarText)].join('\t'));
      return;
    }
    for (const item of value) textLines(item, identifier, lines);
    return;
  }

  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    const scalars = entries.filter(([, v]) => isScalar(v)).map(([, v]) => scalarText(v));
    if (scalars.length > 0) lines.push([...lead, ...scalars].join('\t'));
    for (const [key, nested] of entries) {
      if (!isScalar(nested)) textLines(nested, key, lines);
    }
    return;
  }

  lines.push([...lead, scalarText(value)].join('\t'));
}

/** As the CLI prints them: `True`/`False` for booleans (Python's words), `None` for null. */
export function scalarText(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return String(value);
}
