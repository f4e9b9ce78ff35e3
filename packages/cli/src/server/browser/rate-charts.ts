import type { Timeline } from '../api/build-timeline.js';
import { lineChart } from './line-chart.js';

/** Floors of the match-rate axis whose quarter steps are round numbers (2.5, 5, 10, 15, 20, 25 points). */
const MATCH_RATE_FLOORS = [0.9, 0.8, 0.6, 0.4, 0.2, 0];

/** The match rate over the window against the 95 % line, on an axis that starts just below its lowest point. */
export function matchRateChart(timeline: Timeline): SVGSVGElement {
  const rates = timeline.points.map((p) => p.matchRate).filter((v) => v !== null);
  const lowest = rates.length ? Math.min(...rates) : 1;
  const yMin = MATCH_RATE_FLOORS.find((floor) => floor <= lowest - 0.02) ?? 0;
  return lineChart({
    timeline,
    height: 150,
    yMin,
    yMax: 1,
    threshold: 0.95,
    label: 'match rate over time',
    format: (v) => `${Math.round(v * 1000) / 10}%`,
    series: [{ colour: '#2563eb', value: (p) => p.matchRate }],
  });
}

/** The error rates of both paths over the window, on an axis of at least 5 %. */
export function errorRateChart(timeline: Timeline): SVGSVGElement {
  const highest = Math.max(0, ...timeline.points.map((p) => Math.max(p.legacyErrorRate ?? 0, p.candidateErrorRate ?? 0)));
  const yMax = Math.max(0.05, Math.ceil(highest * 1.15 * 50) / 50);
  return lineChart({
    timeline,
    height: 110,
    yMin: 0,
    yMax,
    label: 'error rate, legacy and candidate',
    format: (v) => `${(v * 100).toFixed(yMax < 0.1 ? 1 : 0)}%`,
    series: [
      { colour: '#64748b', value: (p) => p.legacyErrorRate },
      { colour: '#db2777', value: (p) => p.candidateErrorRate },
    ],
  });
}
