import type { MigrationView } from '../api/list-migrations.js';
import { describeRollout } from './describe-rollout.js';
import { when } from './format.js';
import { h, replaceChildren } from './hyperscript.js';
import type { MigrationCard } from './migration-card.js';
import { renderStats } from './render-stats.js';

/** Fills a card with the migration's latest state: stage badges, split, targeting, rollback, rollout and numbers. */
export function updateCard(c: MigrationCard, m: MigrationView): void {
  const t = m.targeting;
  const badges =
    t.kind === 'split'
      ? t.buckets.map((b) => stageBadge(b.stage, `${b.stage} ${Math.round(b.percent)} %`))
      : t.kind === 'rules'
        ? [h('span', { class: 'stage', text: 'rules' }), stageBadge(t.baseline || 'off', `default ${t.baseline || '–'}`)]
        : [stageBadge(t.baseline || 'off')];
  if (m.rollback) badges.unshift(h('span', { class: 'badge-rollback', text: `ROLLED BACK → ${m.rollback.variant}` }));
  replaceChildren(c.badges, badges);
  c.root.classList.toggle('rolled-back', Boolean(m.rollback));
  c.group.textContent = m.group ? `group ${m.group}` : '';
  c.group.hidden = !m.group;
  c.file.textContent = m.file;
  c.description.textContent = m.description || '';
  replaceChildren(
    c.split,
    t.buckets.map((b) => {
      const bucket = h('div', { class: `stage-${b.stage}`, title: `${b.variant}: ${b.percent.toFixed(1)} %`, text: `${b.stage} ${Math.round(b.percent)}%` });
      bucket.style.width = `${b.percent}%`;
      return bucket;
    }),
  );
  c.split.hidden = t.buckets.length === 0;
  const serving = m.serving ? ` · this process serves ${m.serving.stage || '–'} (${m.serving.source}, ${m.serving.reason.toLowerCase()}) to a context without attributes` : '';
  c.targeting.textContent = t.description + serving;
  c.banner.hidden = !m.rollback;
  if (m.rollback) c.banner.textContent = `Rolled back to ${m.rollback.variant} by ${m.rollback.by} at ${when(m.rollback.at)}: ${m.rollback.reason}`;
  c.clear.disabled = !m.rollback;
  c.rollout.hidden = !m.rollout;
  c.approve.hidden = m.rollout?.phase !== 'awaiting-approval';
  if (m.rollout) c.rollout.textContent = describeRollout(m.rollout);
  renderStats(c.stats, m);
}

function stageBadge(stage: string, text?: string): HTMLElement {
  return h('span', { class: `stage stage-${stage}`, text: text || stage });
}
