import type { ApproveRolloutResponse } from '../actions/approve-rollout-step.js';
import type { ChangeStageResponse } from '../actions/change-stage.js';
import type { ClearRollbackResponse } from '../actions/clear-rollback.js';
import type { RollbackResponse } from '../actions/rollback-migration.js';
import { notice } from './notice.js';
import type { NoticeKind } from './notice.js';
import { getToken } from './session-token.js';

/** The answer to each quick action, by the URL suffix that runs it. */
interface QuickActionResponses {
  stage: ChangeStageResponse;
  rollback: RollbackResponse;
  'rollback/clear': ClearRollbackResponse;
  'rollout/approve': ApproveRolloutResponse;
}

/** A quick action: `POST /api/migrations/:flag/<action>`. */
export type QuickAction = keyof QuickActionResponses;

/** What an action needs from a migration's card: its flag, the reason typed and where to say how it went. */
export interface ActionCard {
  readonly flagKey: string;
  readonly reason: HTMLInputElement;
  readonly result: HTMLElement;
}

const SUCCESS: { readonly [A in QuickAction]: (data: QuickActionResponses[A]) => string } = {
  stage: (data) => {
    const text = data.written ? `Stage set: ${data.from} → ${data.to} in ${data.file}.` : `Already ${data.to}; nothing changed.`;
    return data.warnings.length ? `${text} ${data.warnings.join(' ')}` : text;
  },
  rollback: (data) => `Rolled back to ${data.rolledBack.map((e) => e.variant).join(', ')} in ${data.durationMs} ms.`,
  'rollback/clear': () => 'Rollback cleared; the flag files answer again.',
  'rollout/approve': ({ approval }) =>
    `Step ${Number(approval.details?.step) + 1} (${String(approval.details?.percent)} %) approved; the controller goes on at its next look.`,
};

/**
 * Runs a quick action with the card's reason and the session's token, and
 * says on the card and in the banner how it went; `done` runs after a success.
 */
export async function runQuickAction<A extends QuickAction>(card: ActionCard, action: A, body: Record<string, unknown>, done: () => void): Promise<void> {
  const reason = card.reason.value.trim();
  if (!reason) return report(card, 'Enter a reason first: every action is recorded with one.', 'error');
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  report(card, 'Sending…', '');
  try {
    const url = `/api/migrations/${encodeURIComponent(card.flagKey)}/${action}`;
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ ...body, reason }), credentials: 'omit' });
    const data: unknown = await response.json().catch(() => ({}));
    if (!response.ok) {
      const refused = response.status === 401 || response.status === 403 ? 'Refused' : 'Failed';
      const { error } = data as { error?: { message: string } };
      return report(card, `${refused} (${response.status}): ${error ? error.message : response.statusText}`, 'error');
    }
    card.reason.value = '';
    report(card, SUCCESS[action](data as QuickActionResponses[A]), 'ok');
    done();
  } catch (error) {
    report(card, `Failed: ${(error as Error).message}`, 'error');
  }
}

function report(card: ActionCard, text: string, kind: NoticeKind): void {
  card.result.className = `action-result ${kind}`;
  card.result.textContent = text;
  notice(`${card.flagKey}: ${text}`, kind);
}
