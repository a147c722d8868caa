import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_IDENTITY,
  identityContext,
  readAttributes,
  type IdentityFields,
} from '../../../src/widgets/policy/identity-context.ts';

// The shared corpus, read where it lives, as tests/unit/policy/cases.test.ts reads it.
const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const CASE_FILE = path.resolve(repoRoot, '../shared/cases/policy-cases.json');

const CERTIFICATE_ID = '2e1eb273792174ec2b9bf4e9b37e6c6c692345499506002a35159767055278e8';
const DEVICE: IdentityFields = {
  ...EMPTY_IDENTITY,
  clientId: 'sensor-1',
  thingName: 'sensor-1',
  thingAttached: true,
  certificateId: CERTIFICATE_ID,
};

/** A case's context from the shared corpus, which the form must reproduce key for key. */
function caseContext(id: string): Record<string, unknown> {
  const file = JSON.parse(readFileSync(CASE_FILE, 'utf8')) as {
    cases: { id: string; context: Record<string, unknown> }[];
  };
  const found = file.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);

  return found.context;
}

describe('the identity form as a request context', () => {
  it('links a thing whose name is the client ID and is attached, as in case connect-05', () => {
    const { context, link, problems } = identityContext(DEVICE);

    expect(context).toEqual({
      ...caseContext('connect-05'),
      'iot:Connection.Thing.Attributes': {},
    });
    expect(link.linked).toBe(true);
    expect(problems).toEqual([]);
  });

  it('leaves thing variables out when the certificate is not attached, as in case connect-06', () => {
    const { context, link } = identityContext({ ...DEVICE, thingAttached: false });

    expect(context).toEqual(caseContext('connect-06'));
    expect(link.why).toBe(
      'The thing "sensor-1" is not attached to the certificate, so it is not linked: thing ' +
        'variables do not resolve and IsAttached is "false".',
    );
  });

  it('does not link a thing whose name differs from the client ID, and says how to fix it', () => {
    const { context, link } = identityContext({ ...DEVICE, clientId: 'sensor-1-debug' });

    expect(context['iot:Connection.Thing.ThingName']).toBeUndefined();
    expect(context['iot:Connection.Thing.IsAttached']).toBe('false');
    expect(link.why).toBe(
      'The client ID "sensor-1-debug" is not the thing name "sensor-1", so no thing is linked: ' +
        'thing variables do not resolve and IsAttached is "false". Connect with the client ID ' +
        '"sensor-1", or attach the certificate exclusively.',
    );
  });

  it('links an exclusively attached thing whatever the client ID, as in case thing-14', () => {
    const { context } = identityContext({
      ...DEVICE,
      clientId: 'gateway-a',
      thingName: 'thing_1',
      exclusive: true,
    });

    expect(context).toEqual({ ...caseContext('thing-14'), 'iot:Connection.Thing.Attributes': {} });
  });

  it('adds the thing type, attributes, source IP and certificate subject when typed', () => {
    const { context } = identityContext({
      ...DEVICE,
      sourceIp: ' 203.0.113.10 ',
      thingTypeName: 'lamp',
      attributes: 'site=greenhouse-1\n\nfloor = 2',
      commonName: 'sensor-1',
      organization: 'greenhouse-co',
      country: 'NZ',
    });

    expect(context).toMatchObject({
      'aws:SourceIp': '203.0.113.10',
      'iot:Connection.Thing.ThingTypeName': 'lamp',
      'iot:Connection.Thing.Attributes': { site: 'greenhouse-1', floor: '2' },
      'iot:Certificate.Subject.CommonName': ['sensor-1'],
      'iot:Certificate.Subject.Organization': ['greenhouse-co'],
      'iot:Certificate.Subject.Country': ['NZ'],
    });
    expect(context['iot:Certificate.Subject.OrganizationalUnit']).toBeUndefined();
  });

  it('names a thing name, an attribute line and a certificate ID AWS would not accept', () => {
    const { problems } = identityContext({
      ...DEVICE,
      thingName: 'sensor 1',
      attributes: 'site=greenhouse-1\nfloor',
      certificateId: 'abc',
    });

    expect(problems).toEqual([
      {
        field: 'thingName',
        message:
          '"sensor 1" cannot be a thing name: AWS IoT allows 1 to 128 letters, digits and the ' +
          'characters : _ -.',
      },
      {
        field: 'attributes',
        message:
          "Line 2, \"floor\", is not name=value: write the attribute's name, '=', then its value.",
      },
      {
        field: 'certificateId',
        message: 'A certificate ID is 64 hexadecimal characters; this one has 3 characters.',
      },
    ]);
  });

  it('keeps an "=" inside an attribute value', () => {
    expect(readAttributes('query=a=b')).toEqual({ query: 'a=b' });
  });
});
