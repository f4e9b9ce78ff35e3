import type { Timeline } from '../api/build-timeline.js';
import type { MigrationsResponse } from '../api/list-migrations.js';
import { findElement } from './find-element.js';
import { duration } from './format.js';
import { h, replaceChildren } from './hyperscript.js';
import { createCard } from './migration-card.js';
import type { CardHooks, MigrationCard } from './migration-card.js';
import { errorRateChart, matchRateChart } from './rate-charts.js';
import { updateCard } from './update-card.js';

/** The migrations section: one card per migration flag, kept across refreshes and dropped when its flag goes. */
export class MigrationList {
  private readonly cards = new Map<string, MigrationCard>();
  // What the operator typed as a reason, by flag: a card rebuilt by a refresh
  // (its flag briefly missing from the data) must not lose it.
  private readonly drafts = new Map<string, string>();

  /** @param act runs a quick action a card's button asks for */
  constructor(private readonly act: CardHooks['act']) {}

  /** Draws `GET /api/migrations`: the window, the flag-file problems and the cards, in the API's order. */
  render(data: MigrationsResponse): void {
    const list = findElement('#migrations');
    findElement('#window').textContent = `· last ${duration(data.windowSeconds)}`;
    replaceChildren(
      findElement('#problems'),
      data.problems.map((p) => h('div', { class: 'problem', text: p.message })),
    );
    const seen = new Set<string>();
    // The cards keep their place unless the order changed: moving a node blurs
    // the input the operator is typing a reason into, and the keys go nowhere.
    let previous: Element | null = null;
    for (const m of data.migrations) {
      seen.add(m.flagKey);
      const card = this.cards.get(m.flagKey) ?? this.createCard(m);
      this.cards.set(m.flagKey, card);
      updateCard(card, m);
      const expected: Element | null = previous ? previous.nextElementSibling : list.firstElementChild;
      if (expected !== card.root) list.insertBefore(card.root, expected);
      previous = card.root;
    }
    for (const [key, card] of this.cards) {
      if (seen.has(key)) continue;
      card.root.remove();
      this.cards.delete(key);
    }
    const empty = list.querySelector('.empty');
    if (data.migrations.length === 0 && !empty) list.append(h('p', { class: 'empty', text: 'No migration flag (metadata.kind = "migration") in the flag files.' }));
    if (data.migrations.length > 0 && empty) empty.remove();
  }

  /** Draws a migration's charts from `GET /api/migrations/:flag/timeline`, or says there is nothing to draw. */
  renderTimeline(flagKey: string, timeline: Timeline): void {
    const c = this.cards.get(flagKey);
    if (!c) return;
    const empty = timeline.points.every((p) => p.total === 0);
    c.charts.hidden = empty;
    c.noData.hidden = !empty;
    if (empty) return;
    replaceChildren(c.matchChart, [matchRateChart(timeline)]);
    replaceChildren(c.errorChart, [errorRateChart(timeline)]);
  }

  /** Drops the reason kept for a flag, once an action has used it. */
  forgetDraft(flagKey: string): void {
    this.drafts.delete(flagKey);
  }

  private createCard(m: MigrationsResponse['migrations'][number]): MigrationCard {
    return createCard(m, {
      draft: this.drafts.get(m.flagKey) ?? '',
      onDraft: (reason) => this.drafts.set(m.flagKey, reason),
      act: this.act,
    });
  }
}
