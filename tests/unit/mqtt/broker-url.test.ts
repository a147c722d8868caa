import { describe, expect, it } from 'vitest';
import { checkBrowserBrokerUrl } from '../../../src/core/mqtt/broker-url.ts';

const RAW_MQTT = 'Browsers cannot open raw MQTT connections';

describe('checkBrowserBrokerUrl', () => {
  it('refuses mqtt:// and suggests the usual WebSocket port and path on the same host', () => {
    expect(checkBrowserBrokerUrl('mqtt://127.0.0.1:1883')).toEqual({
      ok: false,
      title: RAW_MQTT,
      message:
        "'mqtt://127.0.0.1:1883' is MQTT over TCP, which only native tools can open. A page " +
        "must use MQTT over WebSocket: find the broker's WebSocket port and path (often " +
        "ws://127.0.0.1:8083/mqtt, but check the broker's documentation).",
      suggestion: 'ws://127.0.0.1:8083/mqtt',
    });
  });

  it.each([
    ['mqtts://broker.example:8883', 'wss://broker.example:8084/mqtt', 'TLS'],
    ['tcp://broker.example', 'ws://broker.example:8083/mqtt', 'TCP'],
    ['MQTT://Broker.Example:1883', 'ws://broker.example:8083/mqtt', 'TCP'],
  ])('refuses %s and suggests %s', (input, suggestion, over) => {
    const check = checkBrowserBrokerUrl(input);

    expect(check).toMatchObject({ ok: false, title: RAW_MQTT, suggestion });
    expect(check.ok === false && check.message).toContain(`is MQTT over ${over},`);
  });

  it.each([
    ['ws://127.0.0.1:4321/mqtt', 'ws://127.0.0.1:4321/mqtt'],
    ['  wss://broker.example:8084/mqtt  ', 'wss://broker.example:8084/mqtt'],
    ['WS://LocalHost:8083/MQTT', 'ws://localhost:8083/MQTT'],
    ['wss://broker.example', 'wss://broker.example/'],
    ['ws://broker.example:/mqtt', 'ws://broker.example/mqtt'],
    ['ws://broker.example:08083/mqtt', 'ws://broker.example:8083/mqtt'],
    ['ws://[::1]:8083/mqtt?token=a', 'ws://[::1]:8083/mqtt?token=a'],
  ])('accepts %s as %s', (input, url) => {
    expect(checkBrowserBrokerUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'No broker address', 'Type a WebSocket address such as ws://127.0.0.1:4321/mqtt.'],
    ['   ', 'No broker address', 'Type a WebSocket address such as ws://127.0.0.1:4321/mqtt.'],
    [
      'broker.example:8083',
      'Not a URL',
      "'broker.example:8083' is not a full address. Write it as ws://host:port/path or " +
        'wss://host:port/path.',
    ],
    [
      'ws://broker example/mqtt',
      'Not a URL',
      "'ws://broker example/mqtt' is not a full address. Write it as ws://host:port/path or " +
        'wss://host:port/path.',
    ],
    [
      'http://127.0.0.1:4321/mqtt',
      'Not a WebSocket address',
      "'http:' is not a broker address a page can use. Use ws://host:port/path or " +
        'wss://host:port/path.',
    ],
    ['ws:///mqtt', 'No host name', "'ws:///mqtt' has no host. Write it as ws://host:port/path."],
    ['wss://:8084', 'No host name', "'wss://:8084' has no host. Write it as wss://host:port/path."],
    [
      'ws://127.0.0.1:0/mqtt',
      'Port out of range',
      'Port 0 is not a port: use a number from 1 to 65535.',
    ],
    [
      'ws://127.0.0.1:99999/mqtt',
      'Port out of range',
      'Port 99999 is not a port: use a number from 1 to 65535.',
    ],
  ])('refuses %j with the title "%s"', (input, title, message) => {
    expect(checkBrowserBrokerUrl(input)).toEqual({ ok: false, title, message });
  });

  // A path must start with '/', so a bad port or user info is refused, never glued to the host.
  it.each([['ws://127.0.0.1:abc/mqtt'], ['ws://user:secret@broker.example/mqtt']])(
    'does not turn %s into a different host',
    (input) => {
      expect(checkBrowserBrokerUrl(input)).toMatchObject({ ok: false });
    },
  );
});
