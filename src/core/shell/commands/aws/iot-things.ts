/**
 * `aws iot` thing operations against the lab registry (API_CreateThing, API_DescribeThing,
 * API_AttachThingPrincipal), and describe-endpoint, which answers with the lab's own address.
 */
import { ParameterError, type IotOperation } from './aws-cli.ts';

const THING_NAME = {
  flag: '--thing-name',
  value: 'name',
  required: true,
  summary: 'the thing name',
  complete: 'thing' as const,
};

export const createThing: IotOperation = {
  name: 'create-thing',
  api: 'CreateThing',
  summary: 'register a thing (a device) in the lab registry',
  parameters: [
    { flag: '--thing-name', value: 'name', required: true, summary: 'a new thing name' },
    { flag: '--thing-type-name', value: 'type', summary: 'an existing thing type' },
    {
      flag: '--attribute-payload',
      value: 'json',
      summary: 'attributes, as \'{"attributes":{"room":"r1"}}\'',
    },
  ],
  async run(call) {
    const type = call.value('--thing-type-name');
    const payload = call.value('--attribute-payload');
    const thing = await call.registry.createThing({
      thingName: call.value('--thing-name')!,
      ...(type === undefined ? {} : { thingTypeName: type }),
      ...(payload === undefined ? {} : { attributes: readAttributes(payload) }),
    });
    return { thingName: thing.thingName, thingArn: thing.thingArn };
  },
};

export const describeThing: IotOperation = {
  name: 'describe-thing',
  api: 'DescribeThing',
  summary: 'show a thing: its type, attributes and version',
  parameters: [THING_NAME],
  async run(call) {
    const thing = await call.registry.describeThing(call.value('--thing-name')!);
    return {
      thingName: thing.thingName,
      thingArn: thing.thingArn,
      ...(thing.thingTypeName ? { thingTypeName: thing.thingTypeName } : {}),
      attributes: thing.attributes,
      version: thing.version,
    };
  },
};

export const attachThingPrincipal: IotOperation = {
  name: 'attach-thing-principal',
  api: 'AttachThingPrincipal',
  summary: 'attach a certificate to a thing',
  parameters: [
    THING_NAME,
    {
      flag: '--principal',
      value: 'arn',
      required: true,
      summary: 'the certificate ARN',
      complete: 'principal',
    },
    {
      flag: '--thing-principal-type',
      value: 'type',
      summary: 'NON_EXCLUSIVE_THING (default) or EXCLUSIVE_THING',
      complete: { words: ['NON_EXCLUSIVE_THING', 'EXCLUSIVE_THING'] },
    },
  ],
  async run(call) {
    const type = call.value('--thing-principal-type') ?? 'NON_EXCLUSIVE_THING';
    if (type !== 'NON_EXCLUSIVE_THING' && type !== 'EXCLUSIVE_THING') {
      throw new ParameterError(
        `argument --thing-principal-type: Invalid choice: '${type}', valid choices are: ` +
          'NON_EXCLUSIVE_THING, EXCLUSIVE_THING',
      );
    }
    await call.registry.attachThingPrincipal(
      call.value('--thing-name')!,
      call.value('--principal')!,
      { exclusive: type === 'EXCLUSIVE_THING' },
    );
    return undefined;
  },
};

export const describeEndpoint: IotOperation = {
  name: 'describe-endpoint',
  api: 'DescribeEndpoint',
  summary: "the address devices connect to: here, the lab's",
  parameters: [
    {
      flag: '--endpoint-type',
      value: 'type',
      summary: 'iot:Data-ATS (default here); the lab has one address for all',
      complete: { words: ['iot:Data-ATS', 'iot:Data', 'iot:CredentialProvider', 'iot:Jobs'] },
    },
  ],
  async run(call) {
    call.ctx.stderr.write(
      `note: this is the lab's address (${call.label}), not an AWS endpoint; ` +
        'AWS would answer with <prefix>-ats.iot.<region>.amazonaws.com.\n',
    );
    return { endpointAddress: call.endpoint };
  },
};

/** `{"attributes":{"room":"r1"}}` as a map of strings, or a ParameterError saying what is wrong. */
function readAttributes(payload: string): Record<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch (error) {
    throw new ParameterError(
      `argument --attribute-payload: Invalid JSON: ${(error as Error).message}\nJSON received: ${payload}`,
    );
  }

  const attributes = (json as { attributes?: unknown } | null)?.attributes;
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    throw new ParameterError(
      'argument --attribute-payload: give {"attributes":{"name":"value", …}}',
    );
  }
  const entries = Object.entries(attributes as Record<string, unknown>);
  const notText = entries.find(([, v]) => typeof v !== 'string');
  if (notText) {
    throw new ParameterError(
      `argument --attribute-payload: attribute "${notText[0]}" must be a string, e.g. "${String(notText[1])}"`,
    );
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
