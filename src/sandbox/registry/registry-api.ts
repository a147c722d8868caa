/**
 * `/api/registry/*`: the lab server's CertificateRegistry as JSON over HTTP, for pages served by
 * the lab (src/browser/registry/lab-server-registry.ts). Refusals answer
 * `{ "error": { "code", "message" } }` with 400, 404, 409 or 413.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  RegistryError,
  type CaStatus,
  type CertificateStatus,
} from '../../core/lab/certificate-registry.ts';
import { MalformedPolicyError, type LabRegistry } from '../../core/lab/iot-registry.ts';
import type { IssuedKeyAlgorithm } from '../../core/lab/registry/index.ts';
import { registryError, registryErrorKind } from '../../core/lab/registry/index.ts';
import type { Logger } from '../log.ts';
import { flag, given, optional, text, type Body } from './body-fields.ts';
import { IOT_ROUTES, type Answer, type Route } from './iot-routes.ts';
import { HttpProblem, readJsonObject, sendError, sendJson } from './request-body.ts';

export const REGISTRY_API_PREFIX = '/api/registry';

/** The actions `POST /api/registry/certificates` takes, one per AWS IoT issuing flow. */
export const CERTIFICATE_ACTIONS = [
  'create-keys-and-certificate',
  'create-certificate-from-csr',
  'register-certificate',
] as const;

const ok = (body: unknown, status = 200): Answer => ({ status, body });

const CERTIFICATE_ROUTES: Route[] = [
  {
    path: /^\/api\/registry\/lab-ca$/,
    methods: { GET: async (r) => ok(await r.labCa()) },
  },
  {
    path: /^\/api\/registry\/cas$/,
    methods: {
      GET: async (r) => ok({ cas: await r.listCas() }),
      POST: async (r, _, body) => {
        const b = await body();
        const status = optional(b, 'status') as CaStatus | undefined;
        return ok(await r.registerCa(text(b, 'pem'), status), 201);
      },
    },
  },
  {
    path: /^\/api\/registry\/cas\/([^/]+)$/,
    methods: {
      PATCH: async (r, [id], body) =>
        ok(await r.setCaStatus(id!, text(await body(), 'status') as CaStatus)),
    },
  },
  {
    path: /^\/api\/registry\/certificates$/,
    methods: {
      GET: async (r) => ok({ certificates: await r.listCertificates() }),
      POST: async (r, _, body) => ok(await createCertificate(r, await body()), 201),
    },
  },
  {
    path: /^\/api\/registry\/certificates\/([^/]+)$/,
    methods: {
      GET: async (r, [id]) => ok(await r.describeCertificate(id!)),
      PATCH: async (r, [id], body) =>
        ok(await r.updateCertificate(id!, text(await body(), 'status') as CertificateStatus)),
      DELETE: async (r, [id]) => {
        await r.deleteCertificate(id!);
        return { status: 204 };
      },
    },
  },
];

const ROUTES: Route[] = [...CERTIFICATE_ROUTES, ...IOT_ROUTES];

const KNOWN_COLLECTIONS = [
  'lab-ca',
  'cas',
  'certificates',
  'policies',
  'things',
  'thing-types',
  'thing-groups',
];

/** Answers `/api/registry/*` and returns true; returns false for any other path. */
export function createRegistryApi(registry: LabRegistry, log: Logger) {
  return function handleRegistry(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (url.pathname !== REGISTRY_API_PREFIX && !url.pathname.startsWith(`${REGISTRY_API_PREFIX}/`))
      return false;

    answer(registry, req, url.pathname)
      .then(({ status, body }) => {
        if (body === undefined) res.writeHead(status).end();
        else sendJson(res, status, body);
      })
      .catch((error: unknown) => sendFailure(res, error, `${req.method} ${url.pathname}`, log));
    return true;
  };
}

async function answer(registry: LabRegistry, req: IncomingMessage, path: string): Promise<Answer> {
  const route = ROUTES.find((r) => r.path.test(path));
  if (!route) {
    throw new HttpProblem(
      404,
      'no-such-route',
      `No registry API at ${path}. Try ${KNOWN_COLLECTIONS.map((c) => `${REGISTRY_API_PREFIX}/${c}`).join(', ')}.`,
    );
  }

  const method = req.method ?? 'GET';
  const handler = route.methods[method];
  if (!handler) {
    const allowed = Object.keys(route.methods);
    throw new HttpProblem(
      405,
      'method-not-allowed',
      `${path} takes ${allowed.join(', ')}, not ${method}.`,
      { allow: allowed.join(', ') },
    );
  }

  return handler(registry, idsIn(route.path, path), () => readJsonObject(req));
}

function idsIn(pattern: RegExp, path: string): string[] {
  return (pattern.exec(path) ?? []).slice(1).map((raw) => {
    try {
      return decodeURIComponent(raw);
    } catch {
      // A stray % is the learner's typo, not a server fault: say what was received.
      throw registryError(
        'invalid-request',
        `"${raw}" in the path is not a valid ID (a stray %?).`,
      );
    }
  });
}

// The registry checks every value; here only the JSON types are checked.
function createCertificate(registry: LabRegistry, body: Body) {
  const action = body.action;
  switch (action) {
    case 'create-keys-and-certificate':
      return registry.createKeysAndCertificate({
        commonName: text(body, 'commonName'),
        ...given('algorithm', optional(body, 'algorithm') as IssuedKeyAlgorithm | undefined),
        setAsActive: flag(body, 'setAsActive'),
      });
    case 'create-certificate-from-csr':
      return registry.createCertificateFromCsr({
        csrPem: text(body, 'csrPem'),
        setAsActive: flag(body, 'setAsActive'),
      });
    case 'register-certificate':
      return registry.registerCertificate({
        pem: text(body, 'pem'),
        ...given('status', optional(body, 'status') as CertificateStatus | undefined),
      });
    default:
      throw registryError(
        'invalid-request',
        `"action" is ${JSON.stringify(action)}; it must be one of ${CERTIFICATE_ACTIONS.join(', ')}.`,
      );
  }
}

const STATUS_OF_KIND = { missing: 404, conflict: 409, invalid: 400, unavailable: 503 } as const;

function sendFailure(res: ServerResponse, error: unknown, request: string, log: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpProblem) {
    sendError(res, error.status, error.code, error.message, error.headers);
    return;
  }
  if (error instanceof MalformedPolicyError) {
    const { code, message, problems } = error;
    sendJson(res, 400, { error: { code, message, problems } });
    return;
  }
  if (error instanceof RegistryError) {
    sendError(res, STATUS_OF_KIND[registryErrorKind(error.code)], error.code, error.message);
    return;
  }

  const message = error instanceof Error ? error.message : String(error);
  log.error(`${request} failed: ${message}`);
  sendError(
    res,
    500,
    'internal-error',
    `The lab server failed: ${message}. Its log has the details.`,
  );
}
