import { describe, expect, it } from 'vitest';
import { CONNACK_3, SUBACK_3, describeCode } from '../../../src/core/mqtt/reason-codes.ts';

describe('describeCode', () => {
  it.each([
    [0x00, 'Connection Accepted', 'The broker accepted the connection.'],
    [
      0x01,
      'Unacceptable protocol version',
      'The broker does not speak the MQTT version the client asked for.',
    ],
    [
      0x02,
      'Identifier rejected',
      'The client ID is well-formed UTF-8 but the broker does not allow it.',
    ],
    [0x03, 'Server unavailable', 'The broker is up but the MQTT service is not.'],
    [0x04, 'Bad user name or password', 'The user name or password is malformed or wrong.'],
    [0x05, 'Not authorized', 'The client is not allowed to connect.'],
  ])('CONNACK return code %i reads "%s"', (code, name, meaning) => {
    expect(describeCode(CONNACK_3, code)).toEqual({ name, meaning });
  });

  it.each([
    [0x00, 'Granted QoS 0'],
    [0x01, 'Granted QoS 1'],
    [0x02, 'Granted QoS 2'],
  ])('SUBACK %i names the granted QoS', (code, name) => {
    expect(describeCode(SUBACK_3, code).name).toBe(name);
  });

  it('SUBACK 0x80 says the broker refused the filter', () => {
    expect(describeCode(SUBACK_3, 0x80)).toEqual({
      name: 'Failure',
      meaning: 'The broker refused this filter: it is invalid or the client may not use it.',
    });
  });

  it.each([
    [CONNACK_3, 0x06, '0x06'],
    [CONNACK_3, 0x87, '0x87'],
    [SUBACK_3, 0x03, '0x03'],
    [SUBACK_3, 0xff, '0xFF'],
  ])(
    'a code missing from the table is shown in two-digit upper-case hex (%#)',
    (table, code, hex) => {
      expect(describeCode(table, code)).toEqual({
        name: `Unknown code ${hex}`,
        meaning: `The broker answered ${hex}.`,
      });
    },
  );
});
