/**
 * Lines and columns for paths in a policy that is valid JSON, read from a syntax tree. The one
 * place that knows momoa, so `src/core/json` can replace it later.
 */
import { parse, type MemberNode, type ValueNode } from '@humanwhocodes/momoa';
import type { PolicyPath } from './policy-path.ts';
import type { SourceLocation } from './policy-problem.ts';

/** Where the key of the object member at `path` is, or where its value is. */
export type Locator = (path: PolicyPath, part?: 'key' | 'value') => SourceLocation | undefined;

/** A key written more than once in the same object; JSON readers keep only the last. */
export interface DuplicateKey {
  /** The path of the object member, as JSON.parse sees it. */
  path: PolicyPath;
  /** Where each earlier, ignored copy of the key starts. */
  ignored: SourceLocation[];
}

export interface SourceMap {
  locate: Locator;
  duplicates: DuplicateKey[];
}

/** The syntax tree of `text`, which must be valid JSON, turned into a locator. */
export function mapSource(text: string): SourceMap {
  const root = parse(text, { mode: 'json' }).body;

  const locate: Locator = (path, part = 'value') => {
    let node: ValueNode = root;
    let member: MemberNode | undefined;

    for (const step of path) {
      member = undefined;
      if (node.type === 'Object' && typeof step === 'string') {
        // JSON.parse keeps the last of duplicate keys, so locate that one.
        member = node.members.filter((m) => keyOf(m) === step).at(-1);
        if (member === undefined) return undefined;
        node = member.value;
      } else if (node.type === 'Array' && typeof step === 'number') {
        const element = node.elements[step];
        if (element === undefined) return undefined;
        node = element.value;
      } else {
        return undefined;
      }
    }

    return toLocation(part === 'key' && member ? member.name.loc : node.loc);
  };

  return { locate, duplicates: findDuplicates(root, []) };
}

function keyOf(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

function toLocation(loc: MemberNode['loc']): SourceLocation {
  return {
    line: loc.start.line,
    column: loc.start.column,
    endLine: loc.end.line,
    endColumn: loc.end.column,
  };
}

function findDuplicates(node: ValueNode, path: PolicyPath): DuplicateKey[] {
  const found: DuplicateKey[] = [];

  if (node.type === 'Array') {
    node.elements.forEach((e, i) => found.push(...findDuplicates(e.value, [...path, i])));
  }
  if (node.type === 'Object') {
    const byKey = new Map<string, MemberNode[]>();
    for (const m of node.members) byKey.set(keyOf(m), [...(byKey.get(keyOf(m)) ?? []), m]);

    for (const [key, members] of byKey) {
      const last = members.at(-1);
      if (last) found.push(...findDuplicates(last.value, [...path, key]));
      if (members.length > 1) {
        found.push({
          path: [...path, key],
          ignored: members.slice(0, -1).map((m) => toLocation(m.name.loc)),
        });
      }
    }
  }

  return found;
}

/** Where a JSON syntax error is, as an offset into `text`, when the text is not valid JSON. */
export function syntaxErrorOffset(text: string): number | undefined {
  try {
    parse(text, { mode: 'json' });
  } catch (error) {
    const offset = (error as { offset?: unknown }).offset;
    return typeof offset === 'number' ? offset : undefined;
  }

  return undefined;
}
