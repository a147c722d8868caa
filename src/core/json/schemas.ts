/**
 * The schemas the course ships: the shape AWS IoT's Device Shadow service accepts for an update,
 * the rough shape of an AWS IoT Core policy, and an example telemetry payload for the designer.
 * They are JSON Schema 2020-12 values, so the lesson, the widgets and `--schema` share them.
 */

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * A request state document for `$aws/things/<thing>/shadow/update` (AWS IoT Developer Guide,
 * device-shadow-document.html). The service answers "Missing required node: state", "State
 * contains an invalid node" and "Invalid clientToken" for what this schema rejects
 * (device-shadow-error-messages.html); its limit of 6 levels of nesting is not expressed here.
 */
export const SHADOW_UPDATE_SCHEMA = {
  $schema: DRAFT,
  title: 'Device shadow update',
  type: 'object',
  required: ['state'],
  properties: {
    state: {
      description: 'an object holding "desired", "reported" or both',
      type: 'object',
      minProperties: 1,
      properties: {
        desired: { type: ['object', 'null'], description: 'the state an application asks for' },
        reported: { type: ['object', 'null'], description: 'the state the device reports' },
      },
      additionalProperties: false,
    },
    clientToken: { type: 'string', maxLength: 64 },
    version: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
} as const;

/**
 * The outline of an AWS IoT Core policy document (iot-policies.html, iot-policy-elements):
 * a Version and a list of statements, each with Effect, Action and Resource. The policy
 * lessons check the meaning; this only checks the shape.
 */
export const POLICY_SCHEMA = {
  $schema: DRAFT,
  title: 'AWS IoT Core policy',
  type: 'object',
  required: ['Version', 'Statement'],
  properties: {
    Version: { enum: ['2012-10-17'], description: 'the policy language version, "2012-10-17"' },
    Statement: {
      type: ['array', 'object'],
      minItems: 1,
      items: {
        type: 'object',
        required: ['Effect', 'Action', 'Resource'],
        properties: {
          Effect: { enum: ['Allow', 'Deny'] },
          Action: {
            type: ['string', 'array'],
            pattern: '^iot:',
            items: { type: 'string', pattern: '^iot:' },
          },
          Resource: { type: ['string', 'array'], items: { type: 'string' } },
          Condition: { type: 'object' },
        },
      },
    },
  },
  additionalProperties: false,
} as const;

/** The designer's starting schema: one greenhouse reading, with its units in the key names. */
export const TELEMETRY_SCHEMA = {
  $schema: DRAFT,
  title: 'Greenhouse reading',
  type: 'object',
  required: ['deviceId', 'ts', 'temperature_c', 'humidity_pct'],
  properties: {
    deviceId: { type: 'string', minLength: 1, description: 'the thing name of the sensor' },
    ts: {
      type: 'integer',
      minimum: 1000000000000,
      description: 'when it was measured, in milliseconds since 1970-01-01 UTC',
    },
    temperature_c: { type: 'number', minimum: -40, maximum: 85, description: 'degrees Celsius' },
    humidity_pct: { type: 'number', minimum: 0, maximum: 100, description: 'relative humidity, %' },
    battery_v: { type: 'number', minimum: 0, description: 'battery voltage' },
  },
  additionalProperties: false,
} as const;

export const BUILT_IN_SCHEMAS = {
  'shadow-update': {
    label: 'Device shadow update',
    name: 'the shadow update schema',
    schema: SHADOW_UPDATE_SCHEMA,
  },
  policy: { label: 'AWS IoT policy (shape)', name: 'the policy schema', schema: POLICY_SCHEMA },
  telemetry: {
    label: 'Greenhouse telemetry',
    name: 'the telemetry schema',
    schema: TELEMETRY_SCHEMA,
  },
} as const;

export type BuiltInSchemaId = keyof typeof BUILT_IN_SCHEMAS;

export function isBuiltInSchema(id: string): id is BuiltInSchemaId {
  return Object.hasOwn(BUILT_IN_SCHEMAS, id);
}
