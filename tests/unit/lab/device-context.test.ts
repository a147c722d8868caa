import { describe, expect, it } from 'vitest';
import { deviceRequestContext } from '../../../src/core/lab/device-context.ts';
import type { ThingRecord } from '../../../src/core/lab/iot-registry.ts';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';

const identity: DeviceIdentity = {
  certificateId: 'a'.repeat(64),
  subject: 'CN=sensor-1,OU=Floor 2,OU=Lab,O=Acme\\, Inc.,C=DE',
  issuer: 'CN=Handshake Lab Root CA,O=Handshake Lab',
  serialNumber: '0a1b',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z',
  commonNames: ['sensor-1'],
};

const thing: ThingRecord = {
  thingName: 'sensor-1',
  thingArn: 'arn:aws:iot:us-east-1:123456789012:thing/sensor-1',
  thingTypeName: 'thermometer',
  attributes: { room: 'kitchen' },
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the request context a device gets at CONNECT', () => {
  it('holds the client ID, the certificate and its names in certificate order, and the source IP', () => {
    const context = deviceRequestContext(
      identity,
      { clientId: 'sensor-1', address: '127.0.0.1:50123' },
      { thing: null },
    );

    expect(context).toEqual({
      'iot:ClientId': 'sensor-1',
      'iot:CertificateId': 'a'.repeat(64),
      'iot:Certificate.SerialNumber': '0a1b',
      'iot:Certificate.Subject.Country': ['DE'],
      'iot:Certificate.Subject.Organization': ['Acme, Inc.'],
      'iot:Certificate.Subject.OrganizationalUnit': ['Lab', 'Floor 2'],
      'iot:Certificate.Subject.CommonName': ['sensor-1'],
      'iot:Certificate.Issuer.Organization': ['Handshake Lab'],
      'iot:Certificate.Issuer.CommonName': ['Handshake Lab Root CA'],
      'iot:Connection.Thing.IsAttached': 'false',
      'iot:ConnectAttributes': [],
      'aws:SourceIp': '127.0.0.1',
    });
  });

  it('lists a persistent session and a will in iot:ConnectAttributes, with the will topic’s ARN', () => {
    const context = deviceRequestContext(
      identity,
      { clientId: 'sensor-1', address: 'this page', cleanSession: false, willTopic: 'status/gone' },
      { thing: null },
    );

    expect(context['iot:ConnectAttributes']).toEqual(['PersistentConnect', 'LastWill']);
    expect(context['iot:LastWillTopic']).toBe(
      'arn:aws:iot:us-east-1:123456789012:topic/status/gone',
    );
  });

  it('adds the linked thing’s name, type and attributes, and says it is attached', () => {
    const context = deviceRequestContext(
      identity,
      { clientId: 'sensor-1', address: 'this page' },
      { thing },
    );

    expect(context).toMatchObject({
      'iot:Connection.Thing.ThingName': 'sensor-1',
      'iot:Connection.Thing.ThingTypeName': 'thermometer',
      'iot:Connection.Thing.Attributes': { room: 'kitchen' },
      'iot:Connection.Thing.IsAttached': 'true',
    });
    expect(context).not.toHaveProperty('aws:SourceIp');
  });
});
