/** What one try of a broken set-up gave: the report, the doctor's verdict, the clock used. */
import type { Verdict } from '../../core/tls/connection-doctor.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';

export interface GalleryAttempt {
  report: HandshakeReport;
  verdict: Verdict | null;
  /** The broker's clock, when the learner moved it. */
  at?: Date;
  /** What the try registered and could not remove afterwards, in words. */
  leftOver?: string;
}
