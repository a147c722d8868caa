/**
 * Valid JSON that will still surprise someone: a key given twice in one object (RFC 8259 §4:
 * names SHOULD be unique, and parsers disagree about which value wins), and numbers a
 * double-precision reader cannot hold exactly (RFC 8259 §6: integers are exact only within
 * ±(2^53 − 1)).
 */
import {
  traverse,
  type AnyNode,
  type DocumentNode,
  type MemberNode,
  type NumberNode,
} from '@humanwhocodes/momoa';
import type { Finding } from './finding.ts';
import { show } from './problem.ts';

const MAX_SAFE = 2n ** 53n - 1n;

export function warningFindings(text: string, ast: DocumentNode): Finding[] {
  const findings: Finding[] = [];

  traverse(ast, {
    enter(visited) {
      // momoa types the visitor's node loosely; every node it visits is one of its AST nodes.
      const node = visited as AnyNode;
      if (node.type === 'Object') findings.push(...duplicateKeys(text, node.members));
      if (node.type === 'Number') {
        const finding = numberWarning(text, node);
        if (finding) findings.push(finding);
      }
    },
  });

  return findings.sort((a, b) => a.offset - b.offset);
}

function duplicateKeys(text: string, members: MemberNode[]): Finding[] {
  const seen = new Map<string, MemberNode>();
  const findings: Finding[] = [];

  for (const member of members) {
    const key = member.name.type === 'String' ? member.name.value : member.name.name;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, member);
      continue;
    }

    const firstValue = text.slice(first.value.loc.start.offset, first.value.loc.end.offset);
    const { line, column } = first.name.loc.start;
    findings.push({
      kind: 'duplicate-key',
      offset: member.name.loc.start.offset,
      message:
        `The key "${key}" appears twice in this object; the first is at line ${line}, column ` +
        `${column}. Keys should be unique. Most parsers, JavaScript's included, keep only the ` +
        `last value, so ${show(firstValue)} is silently lost; others keep the first or fail. ` +
        'Remove one, or rename it.',
    });
  }

  return findings;
}

function numberWarning(text: string, node: NumberNode): Finding | null {
  const raw = text.slice(node.loc.start.offset, node.loc.end.offset);
  const offset = node.loc.start.offset;

  if (!Number.isFinite(node.value)) {
    return {
      kind: 'number-overflow',
      offset,
      message:
        `${show(raw)} is beyond the largest double-precision number (about 1.8e308); ` +
        'JavaScript and most parsers read it as Infinity, which JSON cannot send back. ' +
        'Use a smaller unit, or send it as a string.',
    };
  }

  if (!/^-?\d+$/.test(raw)) return null;
  const magnitude = BigInt(raw.replace('-', ''));
  if (magnitude <= MAX_SAFE) return null;

  const readAs = BigInt(node.value).toString();
  const changed = readAs === raw ? 'happens to stay exact' : `becomes ${readAs}`;
  return {
    kind: 'unsafe-integer',
    offset,
    message:
      `${show(raw)} is larger than 2^53 − 1 (9007199254740991), the biggest integer a ` +
      `double-precision number holds exactly; read by JavaScript it ${changed}. Send ` +
      'identifiers, serial numbers and nanosecond timestamps as strings when every digit matters.',
  };
}
