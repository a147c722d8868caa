/**
 * Things and thing types (API_CreateThing, API_UpdateThing, API_DeleteThing,
 * API_CreateThingType): a thing's name, type and attributes are what a device's policy reads
 * through `iot:Connection.Thing.*` (spec §5.2).
 */
import type { ThingRecord, ThingTypeRecord, ThingUpdate } from '../iot-registry.ts';
import { checkName, checkNew, registryArn } from './iot-names.ts';
import { registryError } from './registry-errors.ts';
import { iotOf, type RegistryTransaction } from './registry-transaction.ts';

/** A thing has at most 50 attributes (spec §5.2). */
export const MAX_THING_ATTRIBUTES = 50;

const ATTRIBUTE_NAME = /^[a-zA-Z0-9_.,@/:#=[\]-]{1,128}$/;
const ATTRIBUTE_VALUE = /^[a-zA-Z0-9_.,@/:#=[\]-]{0,800}$/;

type StoredThing = Omit<ThingRecord, 'thingArn'>;

export function createThingType(tx: RegistryTransaction, thingTypeName: unknown): ThingTypeRecord {
  const name = checkName('thing type', thingTypeName);
  const iot = iotOf(tx);
  checkNew(
    'thing type',
    name,
    iot.thingTypes.some((t) => t.thingTypeName === name),
  );

  const stored = { thingTypeName: name, createdAt: tx.now.toISOString() };
  iot.thingTypes.push(stored);
  tx.changed({ record: 'thing-type', id: name, what: 'created' });
  return thingTypeRecord(stored);
}

export function thingTypeRecord(stored: Omit<ThingTypeRecord, 'thingTypeArn'>): ThingTypeRecord {
  return { ...stored, thingTypeArn: registryArn('thingtype', stored.thingTypeName) };
}

export function createThing(
  tx: RegistryTransaction,
  options: { thingName?: unknown; thingTypeName?: unknown; attributes?: unknown },
): ThingRecord {
  const name = checkName('thing', options.thingName);
  const iot = iotOf(tx);
  checkNew(
    'thing',
    name,
    iot.things.some((t) => t.thingName === name),
  );

  const at = tx.now.toISOString();
  const stored: StoredThing = {
    thingName: name,
    thingTypeName:
      options.thingTypeName === undefined ? null : knownType(tx, options.thingTypeName),
    attributes: checkAttributes(options.attributes ?? {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  iot.things.push(stored);
  tx.changed({ record: 'thing', id: name, what: 'created' });
  return thingRecord(stored);
}

export function updateThing(
  tx: RegistryTransaction,
  thingName: unknown,
  update: ThingUpdate,
): ThingRecord {
  const thing = findThing(tx, thingName);
  if (update.thingTypeName !== undefined) {
    thing.thingTypeName =
      update.thingTypeName === null ? null : knownType(tx, update.thingTypeName);
  }
  if (update.attributes !== undefined) {
    const given = checkAttributes(update.attributes);
    const merged = update.merge === true ? { ...thing.attributes, ...given } : given;
    // With merge, AWS removes an attribute given an empty value.
    if (update.merge === true) {
      for (const [key, value] of Object.entries(given)) if (value === '') delete merged[key];
    }
    thing.attributes = checkAttributes(merged);
  }

  thing.version += 1;
  thing.updatedAt = tx.now.toISOString();
  tx.changed({ record: 'thing', id: thing.thingName, what: `updated to version ${thing.version}` });
  return thingRecord(thing);
}

export function deleteThing(tx: RegistryTransaction, thingName: unknown): void {
  const thing = findThing(tx, thingName);
  const iot = iotOf(tx);
  const principals = iot.thingPrincipals.filter((p) => p.thingName === thing.thingName);
  if (principals.length > 0) {
    const which = principals.map((p) => registryArn('cert', p.certificateId)).join(', ');
    throw registryError(
      'thing-has-principals',
      `Thing "${thing.thingName}" still has ${which} attached. Detach each certificate ` +
        '(DetachThingPrincipal), then delete the thing.',
    );
  }

  iot.things = iot.things.filter((t) => t !== thing);
  iot.thingGroups.forEach((group) => {
    group.thingNames = group.thingNames.filter((n) => n !== thing.thingName);
  });
  tx.changed({ record: 'thing', id: thing.thingName, what: 'deleted' });
}

export function findThing(tx: RegistryTransaction, thingName: unknown): StoredThing {
  const found = iotOf(tx).things.find((t) => t.thingName === thingName);
  if (found) return found;

  throw registryError(
    'thing-not-found',
    `No thing is named ${JSON.stringify(thingName)} in this lab. List the things to see their ` +
      'names, or create it first (CreateThing).',
  );
}

export function thingRecord(stored: StoredThing): ThingRecord {
  return {
    ...stored,
    attributes: { ...stored.attributes },
    thingArn: registryArn('thing', stored.thingName),
  };
}

function knownType(tx: RegistryTransaction, thingTypeName: unknown): string {
  if (iotOf(tx).thingTypes.some((t) => t.thingTypeName === thingTypeName))
    return thingTypeName as string;

  throw registryError(
    'thing-type-not-found',
    `No thing type is named ${JSON.stringify(thingTypeName)}. Create it first (CreateThingType).`,
  );
}

function checkAttributes(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw registryError(
      'invalid-request',
      `Thing attributes are a JSON object of names to text values, not ${JSON.stringify(value)}.`,
    );
  }

  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_THING_ATTRIBUTES) {
    throw registryError(
      'limit-exceeded',
      `A thing has at most ${MAX_THING_ATTRIBUTES} attributes; ${entries.length} were given.`,
    );
  }
  for (const [name, text] of entries) {
    if (!ATTRIBUTE_NAME.test(name) || typeof text !== 'string' || !ATTRIBUTE_VALUE.test(text)) {
      throw registryError(
        'invalid-request',
        `The attribute ${JSON.stringify(name)}: ${JSON.stringify(text)} is not one AWS IoT ` +
          'accepts: names of 1–128 and text values of up to 800 letters, digits and _.,@/:#=[]-.',
      );
    }
  }
  return { ...(value as Record<string, string>) };
}
