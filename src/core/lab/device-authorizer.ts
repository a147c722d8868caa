/**
 * How a broker learns what a device may do: its certificate's status, its request context and
 * the policies in effect, read from the lab registry. The lab reads them afresh for each
 * request instead of caching them for minutes as AWS IoT does (spec §2.2, flow-27).
 */
import type { AttachedPolicy } from '../policy/decision.ts';
import type { RequestContext } from '../policy/request-context.ts';
import type { DeviceIdentity } from '../tls/handshake-report.ts';
import type { CertificateStatus } from './certificate-registry.ts';
import { deviceRequestContext, type ConnectFlags } from './device-context.ts';
import type { LabRegistry } from './iot-registry.ts';

/** What the registry says about one device connection, ready for the policy engine. */
export interface DeviceAuthorization {
  /** Null when the certificate is no longer in the registry. */
  certificateStatus: CertificateStatus | null;
  context: RequestContext;
  policies: AttachedPolicy[];
  /** The version in force of each policy, by policy name. */
  versions: Readonly<Record<string, string>>;
}

/** Reads a device's authorization; the brokers call it at CONNECT and before each request. */
export type DeviceAuthorizer = (
  identity: DeviceIdentity,
  connection: { clientId: string; address: string } & ConnectFlags,
) => Promise<DeviceAuthorization>;

export function registryAuthorizer(
  registry: Pick<LabRegistry, 'connectionFacts'>,
): DeviceAuthorizer {
  return async (identity, connection) => {
    const facts = await registry.connectionFacts(identity.certificateId, connection.clientId);
    return {
      certificateStatus: facts.certificate?.status ?? null,
      context: deviceRequestContext(identity, connection, facts),
      policies: facts.policies.map((p) => ({
        name: p.policyName,
        document: p.document,
        attachedTo: p.attachedTo,
      })),
      versions: Object.fromEntries(facts.policies.map((p) => [p.policyName, p.versionId])),
    };
  };
}
