/**
 * What a learner may name as a principal or an attachment target: a certificate by ID or ARN
 * (`arn:aws:iot:<region>:<account>:cert/<id>`), or a thing group by name or ARN.
 */
import type { CertificateRecord } from '../certificate-registry.ts';
import { readRegistryArn } from './iot-names.ts';
import { registryError } from './registry-errors.ts';
import { findCertificate, iotOf, type RegistryTransaction } from './registry-transaction.ts';
import type { ThingGroupState } from './iot-state.ts';

const CERTIFICATE_ID = /^[0-9a-f]{64}$/;

export type AttachmentTarget =
  | { targetType: 'cert'; certificate: CertificateRecord }
  | { targetType: 'thinggroup'; group: ThingGroupState };

/** A certificate given by ID or ARN. */
export function findPrincipal(tx: RegistryTransaction, principal: unknown): CertificateRecord {
  const arn = typeof principal === 'string' ? readRegistryArn(principal) : null;
  if (arn && arn.type !== 'cert') throw notATarget(principal, 'a certificate');

  return findCertificate(tx, arn ? arn.name : principal);
}

/** A certificate (ID or ARN) or a thing group (name or ARN). */
export function findTarget(tx: RegistryTransaction, target: unknown): AttachmentTarget {
  if (typeof target !== 'string') throw notATarget(target, 'a certificate or a thing group');

  const arn = readRegistryArn(target);
  if (arn?.type === 'cert' || (!arn && CERTIFICATE_ID.test(target))) {
    return { targetType: 'cert', certificate: findPrincipal(tx, target) };
  }
  if (arn && arn.type !== 'thinggroup') throw notATarget(target, 'a certificate or a thing group');

  return { targetType: 'thinggroup', group: findGroup(tx, arn ? arn.name : target) };
}

export function findGroup(tx: RegistryTransaction, name: unknown): ThingGroupState {
  const found = iotOf(tx).thingGroups.find((g) => g.thingGroupName === name);
  if (found) return found;

  throw registryError(
    'thing-group-not-found',
    `No thing group is named ${JSON.stringify(name)} in this lab. List the thing groups, or ` +
      'create it first (CreateThingGroup).',
  );
}

function notATarget(value: unknown, expected: string) {
  return registryError(
    'invalid-target',
    `${JSON.stringify(value)} is not ${expected}. Give a certificate ID (64 hex digits) or ARN ` +
      '(arn:aws:iot:…:cert/<id>), or a thing group name or ARN (arn:aws:iot:…:thinggroup/<name>).',
  );
}
