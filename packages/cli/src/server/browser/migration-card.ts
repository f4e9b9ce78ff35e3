import type { MigrationView } from '../api/list-migrations.js';
import { h } from './hyperscript.js';
import type { ActionCard, QuickAction } from './quick-action.js';

/** One migration's card: the elements a refresh updates in place, so what the operator typed survives it. */
export interface MigrationCard extends ActionCard {
  readonly root: HTMLElement;
  readonly badges: HTMLElement;
  readonly group: HTMLElement;
  readonly file: HTMLElement;
  readonly description: HTMLElement;
  readonly split: HTMLElement;
  readonly targeting: HTMLElement;
  readonly rollout: HTMLElement;
  readonly banner: HTMLElement;
  readonly charts: HTMLElement;
  readonly matchChart: HTMLElement;
  readonly errorChart: HTMLElement;
  readonly noData: HTMLElement;
  readonly stats: HTMLElement;
  readonly stage: HTMLSelectElement;
  readonly force: HTMLInputElement;
  readonly approve: HTMLButtonElement;
  readonly clear: HTMLButtonElement;
}

/** What a new card starts from and reports to. */
export interface CardHooks {
  /** The reason typed before the card was last rebuilt. */
  readonly draft: string;
  /** Called as the reason is typed. */
  readonly onDraft: (reason: string) => void;
  /** Runs a quick action on this card. */
  readonly act: (card: MigrationCard, action: QuickAction, body: Record<string, unknown>) => void;
}

/** Builds the card of a migration, empty until {@link updateCard} fills it. */
export function createCard(m: MigrationView, hooks: CardHooks): MigrationCard {
  // The handlers run after `card` exists: only a click calls them.
  const act = (action: QuickAction, body: () => Record<string, unknown> = () => ({})) => () => hooks.act(card, action, body());
  const matchChart = h('div');
  const errorChart = h('div');
  const stage = h('select', { 'aria-label': 'stage', class: 'stage-select' }, m.stages.map((s) => h('option', { value: s, text: s })));
  const force = h('input', { type: 'checkbox', class: 'force' });
  const reason = h('input', { type: 'text', class: 'reason', placeholder: 'Reason (required, recorded in the audit log)', 'aria-label': 'reason' });
  const parts = {
    flagKey: m.flagKey,
    badges: h('span', { class: 'badges' }),
    group: h('span', { class: 'group' }),
    file: h('span', { class: 'file' }),
    description: h('p', { class: 'description' }),
    split: h('div', { class: 'split', role: 'img' }),
    targeting: h('p', { class: 'targeting' }),
    banner: h('div', { class: 'rollback-banner', hidden: true }),
    matchChart,
    errorChart,
    charts: h('div', { class: 'charts' }, [
      h('div', { class: 'chart-title' }, ['Match rate', h('span', { class: 'key match', text: 'match rate' }), h('span', { class: 'key event', text: 'rollback / stage change' })]),
      matchChart,
      h('div', { class: 'chart-title' }, ['Error rate', h('span', { class: 'key legacy', text: 'legacy' }), h('span', { class: 'key candidate', text: 'candidate' })]),
      errorChart,
    ]),
    noData: h('div', { class: 'no-data', text: 'No comparisons recorded in this window: the migration has not run both paths yet.', hidden: true }),
    stats: h('dl', { class: 'stats' }),
    stage,
    force,
    reason,
    result: h('div', { class: 'action-result', role: 'status' }),
    rollout: h('p', { class: 'rollout', hidden: true }),
    approve: h('button', { type: 'button', class: 'approve-rollout', text: 'Approve rollout step', hidden: true, onclick: act('rollout/approve') }),
    clear: h('button', { type: 'button', class: 'clear-rollback', text: 'Clear rollback', onclick: act('rollback/clear') }),
  };
  const root = h('article', { class: 'migration', 'data-flag': m.flagKey }, [
    h('header', {}, [h('h3', { text: m.flagKey }), parts.badges, parts.group, parts.file]),
    parts.description,
    parts.split,
    parts.targeting,
    parts.rollout,
    parts.banner,
    h('div', { class: 'body' }, [h('div', {}, [parts.charts, parts.noData]), parts.stats]),
    h('div', { class: 'actions' }, [
      stage,
      h('label', {}, [force, ' force']),
      h('button', { type: 'button', class: 'primary set-stage', text: 'Set stage', onclick: act('stage', () => ({ stage: stage.value, force: force.checked })) }),
      h('span', { class: 'sep' }),
      reason,
      h('button', { type: 'button', class: 'danger rollback', text: 'Emergency rollback', onclick: act('rollback') }),
      parts.clear,
      parts.approve,
      parts.result,
    ]),
  ]);
  const card: MigrationCard = { ...parts, root };
  stage.value = m.targeting.baseline || m.stages[0] || '';
  reason.value = hooks.draft;
  reason.addEventListener('input', () => hooks.onDraft(reason.value));
  return card;
}
