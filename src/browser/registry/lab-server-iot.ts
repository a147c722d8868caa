/**
 * The lab server's policies, things and thing groups from a page: the LabRegistry calls beyond
 * certificates over `/api/registry/*` (src/sandbox/registry/iot-routes.ts is the other end).
 */
import type {
  ConnectionFacts,
  LabRegistry,
  PolicyDescription,
  PolicySummary,
  PolicyVersionDescription,
  PolicyVersionSummary,
  ThingGroupRecord,
  ThingPrincipalAttachment,
  ThingRecord,
  ThingTypeRecord,
} from '../../core/lab/iot-registry.ts';
import type { CertificateRegistry } from '../../core/lab/certificate-registry.ts';

/** One JSON request to the lab server; a refusal rejects with the server's RegistryError. */
export type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

type IotCalls = Omit<LabRegistry, keyof CertificateRegistry>;

const at = (...parts: string[]) =>
  `/api/registry/${parts.map((p, i) => (i % 2 === 0 ? p : encodeURIComponent(p))).join('/')}`;

export function labServerIot(call: Call): IotCalls {
  const nothing = async (work: Promise<unknown>) => {
    await work;
  };
  const field =
    <K extends string>(key: K) =>
    <T>(answer: Record<K, T>) =>
      answer[key];

  return {
    createPolicy: (policyName, policyDocument) =>
      call<PolicyVersionDescription>('POST', at('policies'), { policyName, policyDocument }),
    getPolicy: (name) => call<PolicyDescription>('GET', at('policies', name)),
    listPolicies: () =>
      call<{ policies: PolicySummary[] }>('GET', at('policies')).then(field('policies')),
    deletePolicy: (name) => nothing(call('DELETE', at('policies', name))),
    createPolicyVersion: (name, policyDocument, options = {}) =>
      call<PolicyVersionDescription>('POST', at('policies', name, 'versions'), {
        policyDocument,
        setAsDefault: options.setAsDefault === true,
      }),
    getPolicyVersion: (name, versionId) =>
      call<PolicyVersionDescription>('GET', at('policies', name, 'versions', versionId)),
    listPolicyVersions: (name) =>
      call<{ policyVersions: PolicyVersionSummary[] }>(
        'GET',
        at('policies', name, 'versions'),
      ).then(field('policyVersions')),
    setDefaultPolicyVersion: (name, versionId) =>
      call<PolicyDescription>('PUT', `${at('policies', name)}/default-version`, { versionId }),
    deletePolicyVersion: (name, versionId) =>
      nothing(call('DELETE', at('policies', name, 'versions', versionId))),

    attachPolicy: (name, target) => nothing(call('PUT', at('policies', name, 'targets', target))),
    detachPolicy: (name, target) =>
      nothing(call('DELETE', at('policies', name, 'targets', target))),
    listAttachedPolicies: (target) =>
      call<{ policies: PolicySummary[] }>('GET', at('attached-policies', target)).then(
        field('policies'),
      ),
    listTargetsForPolicy: (name) =>
      call<{ targets: string[] }>('GET', `${at('policies', name)}/targets`).then(field('targets')),

    createThingType: (thingTypeName) =>
      call<ThingTypeRecord>('POST', at('thing-types'), { thingTypeName }),
    listThingTypes: () =>
      call<{ thingTypes: ThingTypeRecord[] }>('GET', at('thing-types')).then(field('thingTypes')),
    createThing: (options) => call<ThingRecord>('POST', at('things'), options),
    describeThing: (name) => call<ThingRecord>('GET', at('things', name)),
    listThings: () => call<{ things: ThingRecord[] }>('GET', at('things')).then(field('things')),
    updateThing: (name, update) => call<ThingRecord>('PATCH', at('things', name), update),
    deleteThing: (name) => nothing(call('DELETE', at('things', name))),

    attachThingPrincipal: (name, principal, options = {}) =>
      call<ThingPrincipalAttachment>('PUT', at('things', name, 'principals', principal), {
        exclusive: options.exclusive === true,
      }),
    detachThingPrincipal: (name, principal) =>
      nothing(call('DELETE', at('things', name, 'principals', principal))),
    listThingPrincipals: (name) =>
      call<{ principals: ThingPrincipalAttachment[] }>(
        'GET',
        `${at('things', name)}/principals`,
      ).then(field('principals')),
    listPrincipalThings: (principal) =>
      call<{ things: ThingPrincipalAttachment[] }>(
        'GET',
        `${at('principals', principal)}/things`,
      ).then(field('things')),

    createThingGroup: (thingGroupName, options = {}) =>
      call<ThingGroupRecord>('POST', at('thing-groups'), { thingGroupName, ...options }),
    describeThingGroup: (name) => call<ThingGroupRecord>('GET', at('thing-groups', name)),
    listThingGroups: () =>
      call<{ thingGroups: ThingGroupRecord[] }>('GET', at('thing-groups')).then(
        field('thingGroups'),
      ),
    deleteThingGroup: (name) => nothing(call('DELETE', at('thing-groups', name))),
    addThingToThingGroup: (group, thing) =>
      nothing(call('PUT', at('thing-groups', group, 'things', thing))),
    removeThingFromThingGroup: (group, thing) =>
      nothing(call('DELETE', at('thing-groups', group, 'things', thing))),
    listThingGroupsForThing: (thing) =>
      call<{ thingGroups: ThingGroupRecord[] }>('GET', `${at('things', thing)}/thing-groups`).then(
        field('thingGroups'),
      ),
    listThingsInThingGroup: (group) =>
      call<{ things: string[] }>('GET', `${at('thing-groups', group)}/things`).then(
        field('things'),
      ),

    connectionFacts: (certificateId, clientId) =>
      call<ConnectionFacts>('POST', at('connection-facts'), { certificateId, clientId }),
  };
}
