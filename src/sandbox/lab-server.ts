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

/** Where and how the lab server listens; the command line fills these in. */
export interface LabServerOptions {
  /** Address to bind; 127.0.0.1 unless --host says otherwise. */
  host: string;
  /** HTTP port for the site, /api and MQTT over WebSocket at /mqtt (default 4321). */
  port: number;
  /** Raw MQTT over TCP (default 1883). */
  mqttPort: number;
  /** Folder of the built site. */
  siteDir: string;
  version: string;
  /** The lab's folder: registry.json and the lab CA. Default: a registry in memory only. */
  dataDir?: string;
  /** `registry` logs each registry change; default: the `http` logger. */
  log: { http: Logger; mqtt: Logger; registry?: Logger };
}

export interface RunningLabServer {
  port: number;
  mqttPort: number;
  broker: LabBroker;
  registry: LabCertificateRegistry;
  stop(): Promise<void>;
}

export const WEBSOCKET_PATH = '/mqtt';

/** Starts the broker, then the HTTP and TCP listeners, in that order; stops them in reverse. */
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

  try {
    const mqttPort = await listenOn(tcp, options.mqttPort, options.host, {
      label: 'MQTT over TCP',
      flag: '--mqtt-port',
      env: 'HANDSHAKE_MQTT_PORT',
    });
    const info: LabInfo = {
      kind: 'handshake-lab-server',
      version: options.version,
      mqtt: { websocketPath: WEBSOCKET_PATH, tcpPort: mqttPort, host: options.host },
    };
    attachHttp(http, broker, registry, info, options);
    const port = await listenOn(http, options.port, options.host, {
      label: 'the course and MQTT over WebSocket',
      flag: '--port',
      env: 'HANDSHAKE_PORT',
    });

    return { port, mqttPort, broker, registry, stop: () => stopAll(http, tcp, sockets, broker) };
  } catch (error) {
    await stopAll(http, tcp, sockets, broker);
    throw error;
  }
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
) {
  const api = createLabApi(info, broker, createRegistryApi(registry, options.log.http));
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

function remote(socket: Socket): string {
  return `${socket.remoteAddress ?? 'unknown'}:${socket.remotePort ?? 0}`;
}

async function stopAll(http: HttpServer, tcp: TcpServer, sockets: Set<Socket>, broker: LabBroker) {
  await broker.close();
  for (const socket of sockets) socket.destroy();
  await Promise.all([closeServer(http), closeServer(tcp)]);
}

function closeServer(server: HttpServer | TcpServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
