/**
 * Reading the fields of a registry API request body: only their JSON types are checked here;
 * the registry checks every value and says what is wrong with it.
 */
import { registryError } from '../../core/lab/registry/index.ts';

export type Body = Record<string, unknown>;

export function text(body: Body, name: string): string {
  const value = body[name];
  if (typeof value === 'string') return value;
  throw registryError(
    'invalid-request',
    `"${name}" must be a string${value === undefined ? ', and it is missing' : `, not ${JSON.stringify(value)}`}.`,
  );
}

export function optional(body: Body, name: string): string | undefined {
  return body[name] === undefined ? undefined : text(body, name);
}

export function flag(body: Body, name: string): boolean {
  const value = body[name];
  if (value === undefined || typeof value === 'boolean') return value === true;
  throw registryError(
    'invalid-request',
    `"${name}" must be true or false, not ${JSON.stringify(value)}.`,
  );
}

/** A JSON object of names to text, e.g. thing attributes; absent gives undefined. */
export function textMap(body: Body, name: string): Record<string, string> | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, string>;
  throw registryError(
    'invalid-request',
    `"${name}" must be a JSON object of names to text, not ${JSON.stringify(value)}.`,
  );
}

/** `{ [name]: value }`, or nothing when the value was not given. */
export function given<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, V>);
}
