/**
 * The certificate registry both labs share (DESIGN.md, "Identities in the lab"): pure logic over
 * a storage port, so the lab server keeps it in a file and the in-page lab in IndexedDB.
 */
export {
  createCertificateRegistry,
  type LabCertificateRegistry,
  type RegistryOptions,
} from './create-certificate-registry.ts';
export { MAX_POLICIES } from './attachment-flows.ts';
export { readRegistryArn, registryArn, type RegistryResourceType } from './iot-names.ts';
export { emptyIotState, type IotState } from './iot-state.ts';
export { MAX_THING_ATTRIBUTES } from './thing-flows.ts';
export { MAX_GROUP_DEPTH } from './thing-group-flows.ts';
export { ISSUED_KEY_ALGORITHMS, type IssuedKeyAlgorithm } from './issuing-flows.ts';
export { LAB_CA_ORGANIZATION } from './lab-ca.ts';
export { formatRegistryChange, type RegistryChange } from './registry-change.ts';
export {
  REGISTRY_ERRORS,
  registryError,
  registryErrorKind,
  shortId,
  type RegistryErrorCode,
  type RegistryErrorKind,
} from './registry-errors.ts';
export {
  REGISTRY_STATE_VERSION,
  emptyRegistryState,
  memoryStorage,
  parseRegistryState,
  type RegistryState,
  type RegistryStorage,
} from './registry-state.ts';
export { REQUESTABLE_STATUSES } from './status-rules.ts';
export { createWriteQueue, type Serialise } from './write-queue.ts';
