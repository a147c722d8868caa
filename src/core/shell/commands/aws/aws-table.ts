/**
 * `--output table`: the response as boxed sections, the way the AWS CLI draws them. The first
 * section is titled with the operation; each nested object or list gets a section titled with
 * its key, drawn one border deeper (`||`). Scalars of an object are a header row of keys and a
 * row of values; a list of objects is one row per object.
 */
import { isScalar, scalarText } from './aws-output.ts';

interface Section {
  title: string;
  /** Header cells, then one array of cells per row; empty when the section has only children. */
  rows: string[][];
  children: Section[];
}

export function renderTable(api: string, response: unknown): string {
  const root = sectionOf(api, response);
  const width = Math.max(neededWidth(root, 0), api.length + 4);
  const lines = [`${'-'.repeat(width)}`, ...drawSection(root, 0, width, true)];
  return `${lines.join('\n')}\n`;
}

function sectionOf(title: string, value: unknown): Section {
  const section: Section = { title, rows: [], children: [] };

  if (Array.isArray(value)) {
    const objects = value.filter(
      (v): v is Record<string, unknown> => !isScalar(v) && !Array.isArray(v),
    );
    if (objects.length === 0) {
      section.rows = value.map((v) => [scalarText(v)]);
      return section;
    }
    const keys = [...new Set(objects.flatMap((o) => scalarKeys(o)))].sort();
    if (keys.length > 0) section.rows = [keys, ...objects.map((o) => keys.map((k) => cell(o[k])))];
    for (const object of objects) section.children.push(...nestedOf(object));
    return section;
  }

  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = scalarKeys(object).sort();
    if (keys.length > 0) section.rows = [keys, keys.map((k) => cell(object[k]))];
    section.children = nestedOf(object);
    return section;
  }

  section.rows = [[scalarText(value)]];
  return section;
}

function scalarKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).filter((k) => isScalar(object[k]));
}

function nestedOf(object: Record<string, unknown>): Section[] {
  return Object.keys(object)
    .filter((k) => !isScalar(object[k]))
    .sort()
    .map((k) => sectionOf(k, object[k]));
}

function cell(value: unknown): string {
  return value === undefined ? '' : scalarText(value);
}

/** Column widths of a section's rows: each the longest cell plus two spaces each side. */
function columnWidths(section: Section): number[] {
  const columns = section.rows[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, i) =>
    Math.max(...section.rows.flatMap((r) => (r[i] ?? '').split('\n').map((l) => l.length + 4))),
  );
}

function neededWidth(section: Section, depth: number): number {
  const columns = columnWidths(section);
  const own = columns.reduce((sum, w) => sum + w, 0) + Math.max(columns.length - 1, 0);
  const title = section.title.length + 4;
  const children = section.children.map((c) => neededWidth(c, depth + 1));
  return Math.max(own + depth * 2 + 2, title + depth * 2 + 2, ...children);
}

/** One section's lines inside `depth` borders, `width` characters in all. */
function drawSection(section: Section, depth: number, width: number, top: boolean): string[] {
  const inner = width - depth * 2 - 2;
  const wrap = (text: string) => `${'|'.repeat(depth)}${text}${'|'.repeat(depth)}`;
  const rule = (columns: number[]) => wrap(`+${columns.map((w) => '-'.repeat(w)).join('+')}+`);

  const lines: string[] = [];
  if (!top) lines.push(wrap(`+${'-'.repeat(inner)}+`));
  lines.push(wrap(`|${center(section.title, inner)}|`));

  const columns = spread(columnWidths(section), inner);
  if (columns.length > 0) {
    lines.push(rule(columns));
    section.rows.forEach((row, index) => {
      // A value with line breaks (a PEM) takes as many lines as it has, inside its column.
      const split = row.map((c) => c.split('\n'));
      const height = Math.max(...split.map((c) => c.length));
      for (let line = 0; line < height; line++) {
        const cells = split.map((c, i) => {
          const text = c[line] ?? '';
          return index === 0 ? center(text, columns[i]!) : `  ${text}`.padEnd(columns[i]!);
        });
        lines.push(wrap(`|${cells.join('|')}|`));
      }
      if (index === 0) lines.push(rule(columns));
    });
    lines.push(rule(columns));
  } else {
    lines.push(wrap(`+${'-'.repeat(inner)}+`));
  }

  for (const child of section.children) lines.push(...drawSection(child, depth + 1, width, false));
  return lines;
}

/** Widens the columns so that, with their separators, they fill `inner` exactly. */
function spread(columns: number[], inner: number): number[] {
  if (columns.length === 0) return [];
  const used = columns.reduce((sum, w) => sum + w, 0) + columns.length - 1;
  const extra = inner - used;
  return columns.map(
    (w, i) => w + Math.floor(extra / columns.length) + (i < extra % columns.length ? 1 : 0),
  );
}

function center(text: string, width: number): string {
  const left = Math.floor((width - text.length) / 2);
  return `${' '.repeat(Math.max(left, 0))}${text}`.padEnd(width);
}
