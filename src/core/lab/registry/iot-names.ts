/**
 * Names and ARNs of AWS IoT registry resources (API_CreatePolicy, API_CreateThing,
 * API_CreateThingGroup name patterns; `iot-action-resources` ARN forms), in the lab's one
 * region and account, DEFAULT_SCOPE.
 */
import { DEFAULT_SCOPE } from '../../policy/resource-arn.ts';
import { registryError } from './registry-errors.ts';

/** The resource types the registry names, as they appear in an ARN. */
export type RegistryResourceType = 'policy' | 'cert' | 'thing' | 'thinggroup' | 'thingtype';

const ARN_PREFIX = `arn:${DEFAULT_SCOPE.partition}:iot:${DEFAULT_SCOPE.region}:${DEFAULT_SCOPE.account}:`;

export function registryArn(type: RegistryResourceType, name: string): string {
  return `${ARN_PREFIX}${type}/${name}`;
}

/** `{type, name}` when `text` is an ARN of this lab's region and account, else null. */
export function readRegistryArn(text: string): { type: string; name: string } | null {
  if (!text.startsWith(ARN_PREFIX)) return null;

  const rest = text.slice(ARN_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 1) return null;
  return { type: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

const NAME_RULES = {
  policy: { pattern: /^[\w+=,.@-]{1,128}$/, allowed: 'letters, digits and _+=,.@-' },
  thing: { pattern: /^[a-zA-Z0-9:_-]{1,128}$/, allowed: 'letters, digits and :_-' },
  'thing group': { pattern: /^[a-zA-Z0-9:_-]{1,128}$/, allowed: 'letters, digits and :_-' },
  'thing type': { pattern: /^[a-zA-Z0-9:_-]{1,128}$/, allowed: 'letters, digits and :_-' },
} as const;

/** Throws `invalid-name` unless AWS IoT would accept `name` for this kind of resource. */
export function checkName(kind: keyof typeof NAME_RULES, name: unknown): string {
  const rule = NAME_RULES[kind];
  if (typeof name === 'string' && rule.pattern.test(name)) return name;

  throw registryError(
    'invalid-name',
    `${JSON.stringify(name)} is not a ${kind} name AWS IoT accepts: use 1 to 128 characters, ` +
      `${rule.allowed}.`,
  );
}

/** Throws `resource-already-exists` when `taken`. */
export function checkNew(kind: string, name: string, taken: boolean): void {
  if (!taken) return;

  throw registryError(
    'resource-already-exists',
    `A ${kind} named "${name}" already exists. Choose another name, or use the existing one.`,
  );
}
