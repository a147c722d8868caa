/** Everything the TLS widgets load on first use, behind one dynamic import (load-tls.ts). */
export { runAttempt, AttemptUnavailable } from './run-handshake.ts';
export { diagnose, diagnoseFailure } from '../../core/tls/connection-doctor.ts';
export { tryBrokenSetup } from './try-broken-setup.ts';
