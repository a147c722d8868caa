/** What a browser client may connect to, and why the rest will not work. */
export type BrokerUrlCheck =
  | { ok: true; url: string }
  | { ok: false; title: string; message: string; suggestion?: string };

const BROWSER_SCHEMES = ['ws:', 'wss:'] as const;

/**
 * A page can speak only WebSocket, so `mqtt://` and `mqtts://` cannot work there. mqtt.js
 * would quietly swap the scheme and then fail with no useful message; this says why instead,
 * and gives the `ws(s)://host:port/path` form to use.
 */
export function checkBrowserBrokerUrl(input: string): BrokerUrlCheck {
  const text = input.trim();
  if (text === '') {
    return {
      ok: false,
      title: 'No broker address',
      message: 'Type a WebSocket address such as ws://127.0.0.1:4321/mqtt.',
    };
  }

  const url = parseAddress(text);
  if (!url) {
    return {
      ok: false,
      title: 'Not a URL',
      message: `'${text}' is not a full address. Write it as ws://host:port/path or wss://host:port/path.`,
    };
  }

  if (url.protocol === 'mqtt:' || url.protocol === 'mqtts:' || url.protocol === 'tcp:') {
    const secure = url.protocol === 'mqtts:';
    const suggestion = `${secure ? 'wss' : 'ws'}://${url.hostname}:${secure ? 8084 : 8083}/mqtt`;
    return {
      ok: false,
      title: 'Browsers cannot open raw MQTT connections',
      message:
        `'${text}' is MQTT over ${secure ? 'TLS' : 'TCP'}, which only native tools can open. ` +
        "A page must use MQTT over WebSocket: find the broker's WebSocket port and path " +
        `(often ${suggestion}, but check the broker's documentation).`,
      suggestion,
    };
  }

  if (!(BROWSER_SCHEMES as readonly string[]).includes(url.protocol)) {
    return {
      ok: false,
      title: 'Not a WebSocket address',
      message: `'${url.protocol}' is not a broker address a page can use. Use ws://host:port/path or wss://host:port/path.`,
    };
  }

  if (url.hostname === '') {
    return {
      ok: false,
      title: 'No host name',
      message: `'${text}' has no host. Write it as ${url.protocol}//host:port/path.`,
    };
  }
  const port = url.port === '' ? '' : Number(url.port);
  if (port !== '' && (port < 1 || port > 65535)) {
    return {
      ok: false,
      title: 'Port out of range',
      message: `Port ${url.port} is not a port: use a number from 1 to 65535.`,
    };
  }
  return {
    ok: true,
    url: `${url.protocol}//${url.hostname}${port === '' ? '' : `:${port}`}${url.path || '/'}`,
  };
}

interface Address {
  protocol: string;
  hostname: string;
  port: string;
  path: string;
}

// The core has no platform URL class, and a broker address needs only these four parts.
const ADDRESS =
  /^([a-z][a-z0-9+.-]*:)\/\/(\[[0-9a-f:.]+\]|[^/:?#@\s]*)(?::(\d*))?((?:\/[^?#\s]*)?(?:\?[^#\s]*)?)$/i;
/^([a-z][a-z0-9+.-]*:)\/\/(\[[0-9a-f:.]+\]|[^/:?#\s]*)(?::(\d*))?([^?#\s]*(?:\?[^#\s]*)?)$/i;

function parseAddress(text: string): Address | null {
  const match = ADDRESS.exec(text);
  if (!match) return null;
  const [, protocol = '', hostname = '', port = '', path = ''] = match;
  return { protocol: protocol.toLowerCase(), hostname: hostname.toLowerCase(), port, path };
}
