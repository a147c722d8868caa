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

  let url: URL;
  try {
    url = new URL(text);
  } catch {
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
        'A page must use MQTT over WebSocket: find the broker\'s WebSocket port and path ' +
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

  return { ok: true, url: url.toString() };
}
