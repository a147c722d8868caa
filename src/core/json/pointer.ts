/**
 * JSON Pointers (RFC 6901), as JSON Schema validators report places, turned into the two things
 * a learner needs: a path in words (`$.state.reported.temp`, `$.Statement[0].Effect`) and the
 * spot in their own text, found by following the pointer through momoa's tree.
 */
import type { DocumentNode, MemberNode, ValueNode } from '@humanwhocodes/momoa';

/** The reference tokens of a pointer: `/a~1b/0` gives `a/b` and `0` (RFC 6901 §3, §4). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];

  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerFrom(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `$` for the root, then `.key` for plain keys, `["odd key"]` for others, `[0]` for indexes. */
export function pathInWords(pointer: string, ast?: DocumentNode): string {
  let path = '$';
  let node: ValueNode | undefined = ast?.body;

  for (const segment of pointerSegments(pointer)) {
    const inArray = node ? node.type === 'Array' : /^\d+$/.test(segment);
    if (inArray) path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
    node = node ? child(node, segment)?.value : undefined;
  }

  return path;
}

/** The value node a pointer names, or the deepest node on the way when it goes further. */
export function nodeAtPointer(ast: DocumentNode, pointer: string): ValueNode {
  let node: ValueNode = ast.body;

  for (const segment of pointerSegments(pointer)) {
    const next = child(node, segment);
    if (!next) break;
    node = next.value;
  }

  return node;
}

/** The member of the object at `pointer` whose key is `key`, when there is one. */
export function memberAt(ast: DocumentNode, pointer: string, key: string): MemberNode | undefined {
  const node = nodeAtPointer(ast, pointer);
  if (node.type !== 'Object') return undefined;

  // The last of duplicate keys is the one a validator saw, as JSON.parse keeps the last.
  return lastMember(node.members, key);
}

function child(node: ValueNode, segment: string): { value: ValueNode } | undefined {
  if (node.type === 'Object') return lastMember(node.members, segment);
  if (node.type === 'Array') return node.elements[Number(segment)];

  return undefined;
}

function lastMember(members: readonly MemberNode[], key: string): MemberNode | undefined {
  for (let i = members.length - 1; i >= 0; i--) {
    if (keyOf(members[i]!) === key) return members[i];
  }

  return undefined;
}

function keyOf(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}
