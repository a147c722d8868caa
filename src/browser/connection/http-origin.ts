/** The lab server's HTTP origin from its MQTT address: `ws://host:port/mqtt` → `http://host:port`. */
export function httpOrigin(websocketUrl: string): string {
  const url = new URL(websocketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return url.origin;
}
