import type { AuditAction, AuditLog } from '@cutover/rollback';

/** Refused requests recorded per minute at most; the rest are counted into the next record. */
export const REFUSALS_PER_MINUTE = 10;

/**
 * Records refused quick actions (no token, wrong token, cross-site) in the
 * audit log, at most {@link REFUSALS_PER_MINUTE} a minute: anyone who can
 * reach the port can cause a refusal, and must not be able to fill the disk.
 * Refusals beyond the limit are counted in the next record's `suppressed`.
 */
export class RefusalAudit {
  private windowStart = 0;
  private inWindow = 0;
  private suppressed = 0;

  constructor(
    private readonly log: AuditLog,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Records one refusal, unless over the limit; never rejects. */
  async record(refusal: { action: AuditAction; scope: string; reason: string; remoteAddress: string | undefined }): Promise<void> {
    const now = this.clock();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (this.inWindow >= REFUSALS_PER_MINUTE) {
      this.suppressed++;
      return;
    }
    this.inWindow++;
    const suppressed = this.suppressed;
    this.suppressed = 0;
    await this.log
      .append({
        action: refusal.action,
        status: 'failed',
        scope: refusal.scope,
        actor: 'dashboard',
        reason: `refused: ${refusal.reason}`,
        details: { refused: true, remoteAddress: refusal.remoteAddress ?? null, ...(suppressed > 0 ? { suppressed } : {}) },
      })
      .catch(() => undefined);
  }
}
