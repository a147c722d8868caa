/**
 * Wire codes to words, for MQTT 3.1.1 (which the lab speaks) and MQTT 5 (which AWS IoT Core
 * also speaks). Widgets, the terminal and the tests all read these tables.
 */
export interface CodeWords {
  name: string;
  meaning: string;
}

/** CONNACK return codes, MQTT 3.1.1 §3.2.2.3 (Table 3.1). */
export const CONNACK_3: Readonly<Record<number, CodeWords>> = {
  0x00: { name: 'Connection Accepted', meaning: 'The broker accepted the connection.' },
  0x01: {
    name: 'Unacceptable protocol version',
    meaning: 'The broker does not speak the MQTT version the client asked for.',
  },
  0x02: {
    name: 'Identifier rejected',
    meaning: 'The client ID is well-formed UTF-8 but the broker does not allow it.',
  },
  0x03: { name: 'Server unavailable', meaning: 'The broker is up but the MQTT service is not.' },
  0x04: {
    name: 'Bad user name or password',
    meaning: 'The user name or password is malformed or wrong.',
  },
  0x05: { name: 'Not authorized', meaning: 'The client is not allowed to connect.' },
};

/** SUBACK return codes, MQTT 3.1.1 §3.9.3: the granted QoS, or 0x80 for a refused filter. */
export const SUBACK_3: Readonly<Record<number, CodeWords>> = {
  0x00: { name: 'Granted QoS 0', meaning: 'Subscribed; messages arrive at most once.' },
  0x01: { name: 'Granted QoS 1', meaning: 'Subscribed; messages arrive at least once.' },
  0x02: { name: 'Granted QoS 2', meaning: 'Subscribed; messages arrive exactly once.' },
  0x80: {
    name: 'Failure',
    meaning: 'The broker refused this filter: it is invalid or the client may not use it.',
  },
};

/** Words for a code from one of the tables, with the code in hex when the table lacks it. */
export function describeCode(table: Readonly<Record<number, CodeWords>>, code: number): CodeWords {
  const hex = `0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
  return table[code] ?? { name: `Unknown code ${hex}`, meaning: `The broker answered ${hex}.` };
}
