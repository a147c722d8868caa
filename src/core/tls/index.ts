/**
 * Mutual TLS for the course: the report of a handshake (real on the lab server, modelled in the
 * page) and the connection doctor that reads it. Pure: no DOM, Node or network.
 */
export * from './handshake-report.ts';
export { diagnose, diagnoseFailure, type Verdict } from './connection-doctor.ts';
export { TLS_ALERTS, alertName, alertOf, type TlsAlertName } from './tls-alerts.ts';
export {
  emulateHandshake,
  type EmulatedClient,
  type EmulatedHandshakeInput,
  type EmulatedServer,
} from './emulated-handshake.ts';
export { HandshakeInputError, type HandshakeInputErrorCode } from './handshake-input.ts';
export { MODEL_CIPHER, MODEL_NOTES, MODEL_PROTOCOL } from './report-builder.ts';
export {
  DEFAULT_SERVER_NAME,
  LAB_SERVER_NAMES,
  issueLabServerCertificate,
  type LabServerCredentials,
} from './lab-server-certificate.ts';
export { emulateLabHandshake, type DeviceTls, type LabSide } from './lab-handshake.ts';
export {
  BROKEN_SETUPS,
  BROKEN_SETUP_IDS,
  type BrokenSetup,
  type BrokenSetupId,
} from './broken-setups.ts';
export {
  buildBrokenSetup,
  registerBrokenSetup,
  type BrokenSetupMaterials,
  type BrokenSetupOptions,
} from './broken-setup-builder.ts';
