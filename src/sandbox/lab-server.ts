import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { WebSocketServer, createWebSocketStream } from 'ws';
import {
  createCertificateRegistry,
  formatRegistryChange,
  memoryStorage,
  type LabCertificateRegistry,
} from '../core/lab/registry/index.ts';
import { registryAuthorizer } from '../core/lab/device-authorizer.ts';
import { createLabBroker, type LabBroker } from './broker.ts';
import { createLabApi, type LabInfo } from './lab-api.ts';
import { listenOn } from './listen.ts';
import type { Logger } from './log.ts';
import { createFileStore } from './registry/file-store.ts';
import { createRegistryApi } from './registry/registry-api.ts';
import { createStaticHandler } from './static-site.ts';
import { createLabTls, type LabTls } from './tls/lab-tls.ts';
import { createTlsApi } from './tls/tls-api.ts';

/** Where and how the lab server listens; the command line fills these in. */
export interface LabServerOptions {
  /** Address to bind; 127.0.0.1 unless --host says otherwise. */
  host: string;
  /** HTTP port for the site, /api and MQTT over WebSocket at /mqtt (default 4321). */
  port: number;
  /** Raw MQTT over TCP (default 1883). */
  mqttPort: number;
  /**
   * MQTT over mutual TLS (the command line's default is 8883). Default: no such listener, and
   * no server certificate is made.
   */
  mtlsPort?: number;
  /** Folder of the built site. */
  siteDir: string;
  version: string;
  /** The lab's folder: registry.json and the lab CA. Default: a registry in memory only. */
  dataDir?: string;
  /**
   * `registry` logs each registry change and `tls` the mutual TLS listener; both default to the
   * `http` logger.
   */
  log: { http: Logger; mqtt: Logger; registry?: Logger; tls?: Logger };
}

export interface RunningLabServer {
  port: number;
  mqttPort: number;
  /** null when `mtlsPort` was not given. */
  mtlsPort: number | null;
  broker: LabBroker;
  registry: LabCertificateRegistry;
  /** The mutual TLS listener, its server certificate and its decisions; null without one. */
  tls: LabTls | null;
  stop(): Promise<void>;
}

export const WEBSOCKET_PATH = '/mqtt';

/**
 * Starts the broker, the server certificate, then the TCP, mutual TLS and HTTP listeners, in
 * that order; stops them in reverse.
 */
export async function startLabServer(options: LabServerOptions): Promise<RunningLabServer> {
  // The broker asks the registry what each device may do, and hears when that changes.
  const registry = openRegistry(options, () => void broker.registryChanged());
  const broker = await createLabBroker(options.log.mqtt, {
    authorizer: registryAuthorizer(registry),
  });
  const http = createHttpServer();
  const tcp = createTcpServer((socket) => broker.handle(socket, 'tcp', remote(socket)));
  const sockets = new Set<Socket>();
  http.on('connection', (socket) => trackSocket(sockets, socket));
  tcp.on('connection', (socket) => trackSocket(sockets, socket));
  let tls: LabTls | null = null;
  const stop = () => stopAll(http, tcp, sockets, broker, tls);

  try {
    const mqttPort = await listenOn(tcp, options.mqttPort, options.host, {
      label: 'MQTT over TCP',
      flag: '--mqtt-port',
      env: 'HANDSHAKE_MQTT_PORT',
    });
    tls = options.mtlsPort === undefined ? null : await startTls(options, registry, broker);
    const mtlsPort = tls
      ? await listenOn(tls.listener.server, options.mtlsPort!, options.host, {
          label: 'MQTT over mutual TLS',
          flag: '--mtls-port',
          env: 'HANDSHAKE_MTLS_PORT',
        })
      : null;
    const info: LabInfo = {
      kind: 'handshake-lab-server',
      version: options.version,
      mqtt: {
        websocketPath: WEBSOCKET_PATH,
        tcpPort: mqttPort,
        host: options.host,
        ...(mtlsPort === null ? {} : { mtlsPort }),
      },
    };
    attachHttp(http, broker, registry, info, options, tls);
    const port = await listenOn(http, options.port, options.host, {
      label: 'the course and MQTT over WebSocket',
      flag: '--port',
      env: 'HANDSHAKE_PORT',
    });

    return { port, mqttPort, mtlsPort, broker, registry, tls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startTls(
  options: LabServerOptions,
  registry: LabCertificateRegistry,
  broker: LabBroker,
): Promise<LabTls> {
  return createLabTls({
    registry,
    broker,
    host: options.host,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    log: options.log.tls ?? options.log.http,
  });
}

/** The registry in the data folder, re-read on every call, so `handshake cert …` can share it. */
function openRegistry(options: LabServerOptions, changed: () => void): LabCertificateRegistry {
  const log = options.log.registry ?? options.log.http;
  const storage = options.dataDir ? createFileStore(options.dataDir) : memoryStorage();
  return createCertificateRegistry(storage, globalThis.crypto, () => new Date(), {
    onChange: (change) => {
      log.info(formatRegistryChange(change));
      changed();
    },
  });
}

function attachHttp(
  http: HttpServer,
  broker: LabBroker,
  registry: LabCertificateRegistry,
  info: LabInfo,
  options: LabServerOptions,
  tls: LabTls | null,
) {
  const handlers = [createRegistryApi(registry, options.log.http)];
  if (tls) {
    handlers.push(
      createTlsApi({
        registry,
        decisions: tls.listener.decisions,
        listener: () => reachable(tls.listener.server, options.host),
        log: options.log.tls ?? options.log.http,
      }),
    );
  }
  const api = createLabApi(info, broker, ...handlers);
  const serveStatic = createStaticHandler(options.siteDir);
  const wss = new WebSocketServer({ noServer: true });

  http.on('request', (req, res) => {
    if (api(req, res)) return;
    serveStatic(req, res).catch((error: Error) => {
      options.log.http.error(`${req.method} ${req.url} failed: ${error.message}`);
      if (!res.headersSent) res.writeHead(500).end('Internal error\n');
    });
  });

  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://lab').pathname;
    if (path !== WEBSOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      stream.on('error', () => ws.terminate());
      broker.handle(stream, 'ws', remote(req.socket));
    });
  });
}

function trackSocket(sockets: Set<Socket>, socket: Socket) {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
}

/** Where this process reaches a listener: a wildcard bind is reached over loopback. */
function reachable(server: TcpServer, host: string): { host: string; port: number } {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  if (host === '0.0.0.0') return { host: '127.0.0.1', port };
  if (host === '::') return { host: '::1', port };
  return { host, port };
}

function remote(socket: Socket): string {
  return `${socket.remoteAddress ?? 'unknown'}:${socket.remotePort ?? 0}`;
}

async function stopAll(
  http: HttpServer,
  tcp: TcpServer,
  sockets: Set<Socket>,
  broker: LabBroker,
  tls: LabTls | null,
) {
  await broker.close();
  for (const socket of sockets) socket.destroy();
  await Promise.all([closeServer(http), closeServer(tcp), tls?.listener.close()]);
}

function closeServer(server: HttpServer | TcpServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
