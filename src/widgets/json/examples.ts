import type { BuiltInSchemaId } from '../../core/json/schemas.ts';

/** A document the validator can load, with the schema it is meant for. */
export interface JsonExample {
  id: string;
  label: string;
  text: string;
  schema?: BuiltInSchemaId;
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iot:Connect",
      "Resource": "*"
    }
  ]
}`;

/** The mistakes the lesson walks through, in its order. */
export const JSON_EXAMPLES: readonly JsonExample[] = [
  { id: 'policy', label: 'A valid policy', text: POLICY, schema: 'policy' },
  {
    id: 'trailing-comma',
    label: 'Trailing comma',
    text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*",}]}',
    schema: 'policy',
  },
  { id: 'single-quotes', label: 'Single quotes', text: "{'Version':'2012-10-17','Statement':[]}" },
  {
    id: 'comment',
    label: 'A comment',
    text: '{\n  // let every device connect\n  "Version": "2012-10-17",\n  "Statement": []\n}',
  },
  {
    id: 'missing-comma',
    label: 'Missing comma',
    text: '{\n  "temperature_c": 21.5\n  "humidity_pct": 48\n}',
  },
  {
    id: 'nan',
    label: 'NaN from a broken sensor',
    text: '{"temperature_c": NaN, "humidity_pct": 48}',
  },
  { id: 'unquoted', label: 'Unquoted key', text: '{deviceId: "gh-1", "temperature_c": 21.5}' },
  { id: 'bom', label: 'Byte order mark', text: '\uFEFF{"Version":"2012-10-17","Statement":[]}' },
  { id: 'file-path', label: 'A file path', text: './policy.json' },
  {
    id: 'big-id',
    label: 'Duplicate key and a big ID',
    text: '{\n  "serial": 12345678901234567890,\n  "temp": 21.5,\n  "temp": 22.0\n}',
  },
  {
    id: 'shadow-wrong-shape',
    label: 'Shadow update without "state"',
    text: '{"reported": {"temp": 21}}',
    schema: 'shadow-update',
  },
  {
    id: 'shadow',
    label: 'A shadow update',
    text: '{\n  "state": {\n    "reported": {"temperature_c": 21.5, "fan": "off"}\n  }\n}',
    schema: 'shadow-update',
  },
];

export function findExample(id: string): JsonExample | undefined {
  return JSON_EXAMPLES.find((e) => e.id === id);
}
