/**
 * Mutual TLS for the course: the report of a handshake (real on the lab server, modelled in the
 * page) and the connection doctor that reads it. Pure: no DOM, Node or network.
 */
export * from './handshake-report.ts';
export { diagnose, diagnoseFailure, type Verdict } from './connection-doctor.ts';
