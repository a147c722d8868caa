/**
 * `/api/registry/policies`, `/things`, `/thing-types`, `/thing-groups`, `/principals`: the
 * LabRegistry's AWS IoT calls as JSON over HTTP (src/browser/registry/lab-server-registry.ts is
 * the other end). Names, IDs and ARNs in a path are URL-encoded, slashes included.
 */
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import { flag, given, optional, text, textMap, type Body } from './body-fields.ts';

export interface Answer {
  status: number;
  body?: unknown;
}

/** One route's handlers; `ids` are the path's decoded captures, in order. */
export type RouteHandler = (
  registry: LabRegistry,
  ids: string[],
  body: () => Promise<Body>,
) => Promise<Answer>;

export interface Route {
  path: RegExp;
  methods: Record<string, RouteHandler>;
}

const ok = (body: unknown, status = 200): Answer => ({ status, body });
const done = async (work: Promise<unknown>): Promise<Answer> => {
  await work;
  return { status: 204 };
};

const P = '^/api/registry';
const SEGMENT = '([^/]+)';
const route = (path: string, methods: Route['methods']): Route => ({
  path: new RegExp(`${P}${path.replaceAll(':id', SEGMENT)}$`),
  methods,
});

export const IOT_ROUTES: Route[] = [
  route('/policies', {
    GET: async (r) => ok({ policies: await r.listPolicies() }),
    POST: async (r, _, body) => {
      const b = await body();
      return ok(await r.createPolicy(text(b, 'policyName'), text(b, 'policyDocument')), 201);
    },
  }),
  route('/policies/:id', {
    GET: async (r, [name]) => ok(await r.getPolicy(name!)),
    DELETE: async (r, [name]) => done(r.deletePolicy(name!)),
  }),
  route('/policies/:id/versions', {
    GET: async (r, [name]) => ok({ policyVersions: await r.listPolicyVersions(name!) }),
    POST: async (r, [name], body) => {
      const b = await body();
      const setAsDefault = flag(b, 'setAsDefault');
      return ok(
        await r.createPolicyVersion(name!, text(b, 'policyDocument'), { setAsDefault }),
        201,
      );
    },
  }),
  route('/policies/:id/versions/:id', {
    GET: async (r, [name, version]) => ok(await r.getPolicyVersion(name!, version!)),
    DELETE: async (r, [name, version]) => done(r.deletePolicyVersion(name!, version!)),
  }),
  route('/policies/:id/default-version', {
    PUT: async (r, [name], body) =>
      ok(await r.setDefaultPolicyVersion(name!, text(await body(), 'versionId'))),
  }),
  route('/policies/:id/targets', {
    GET: async (r, [name]) => ok({ targets: await r.listTargetsForPolicy(name!) }),
  }),
  route('/policies/:id/targets/:id', {
    PUT: async (r, [name, target]) => done(r.attachPolicy(name!, target!)),
    DELETE: async (r, [name, target]) => done(r.detachPolicy(name!, target!)),
  }),
  route('/attached-policies/:id', {
    GET: async (r, [target]) => ok({ policies: await r.listAttachedPolicies(target!) }),
  }),

  route('/thing-types', {
    GET: async (r) => ok({ thingTypes: await r.listThingTypes() }),
    POST: async (r, _, body) =>
      ok(await r.createThingType(text(await body(), 'thingTypeName')), 201),
  }),
  route('/things', {
    GET: async (r) => ok({ things: await r.listThings() }),
    POST: async (r, _, body) => {
      const b = await body();
      return ok(
        await r.createThing({
          thingName: text(b, 'thingName'),
          ...given('thingTypeName', optional(b, 'thingTypeName')),
          ...given('attributes', textMap(b, 'attributes')),
        }),
        201,
      );
    },
  }),
  route('/things/:id', {
    GET: async (r, [name]) => ok(await r.describeThing(name!)),
    PATCH: async (r, [name], body) => {
      const b = await body();
      const thingTypeName = b['thingTypeName'] === null ? null : optional(b, 'thingTypeName');
      return ok(
        await r.updateThing(name!, {
          ...given('thingTypeName', thingTypeName),
          ...given('attributes', textMap(b, 'attributes')),
          merge: flag(b, 'merge'),
        }),
      );
    },
    DELETE: async (r, [name]) => done(r.deleteThing(name!)),
  }),
  route('/things/:id/principals', {
    GET: async (r, [name]) => ok({ principals: await r.listThingPrincipals(name!) }),
  }),
  route('/things/:id/principals/:id', {
    PUT: async (r, [name, principal], body) => {
      const exclusive = flag(await body(), 'exclusive');
      return ok(await r.attachThingPrincipal(name!, principal!, { exclusive }));
    },
    DELETE: async (r, [name, principal]) => done(r.detachThingPrincipal(name!, principal!)),
  }),
  route('/things/:id/thing-groups', {
    GET: async (r, [name]) => ok({ thingGroups: await r.listThingGroupsForThing(name!) }),
  }),
  route('/principals/:id/things', {
    GET: async (r, [principal]) => ok({ things: await r.listPrincipalThings(principal!) }),
  }),

  route('/thing-groups', {
    GET: async (r) => ok({ thingGroups: await r.listThingGroups() }),
    POST: async (r, _, body) => {
      const b = await body();
      return ok(
        await r.createThingGroup(text(b, 'thingGroupName'), {
          ...given('parentGroupName', optional(b, 'parentGroupName')),
        }),
        201,
      );
    },
  }),
  route('/thing-groups/:id', {
    GET: async (r, [name]) => ok(await r.describeThingGroup(name!)),
    DELETE: async (r, [name]) => done(r.deleteThingGroup(name!)),
  }),
  route('/thing-groups/:id/things', {
    GET: async (r, [name]) => ok({ things: await r.listThingsInThingGroup(name!) }),
  }),
  route('/thing-groups/:id/things/:id', {
    PUT: async (r, [group, thing]) => done(r.addThingToThingGroup(group!, thing!)),
    DELETE: async (r, [group, thing]) => done(r.removeThingFromThingGroup(group!, thing!)),
  }),

  route('/connection-facts', {
    POST: async (r, _, body) => {
      const b = await body();
      return ok(await r.connectionFacts(text(b, 'certificateId'), text(b, 'clientId')));
    },
  }),
];
