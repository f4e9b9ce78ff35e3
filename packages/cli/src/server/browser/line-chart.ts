import type { Timeline, TimelinePoint } from '../api/build-timeline.js';
import { clock, when } from './format.js';
import { appendAll, svg } from './hyperscript.js';

/** The chart's width and margins in SVG units; it scales to its container. */
const CHART = { width: 600, left: 44, right: 10, top: 10, bottom: 20 };

/** Marker colours by audit action; others are grey. */
const EVENT_COLOURS: Readonly<Record<string, string>> = { rollback: '#b91c1c', 'rollback-cleared': '#15803d', stage: '#2563eb', rollout: '#2563eb' };

/** One line of a {@link lineChart}: its colour and its value at a point (null or undefined for a gap). */
export interface ChartSeries {
  readonly colour: string;
  readonly value: (point: TimelinePoint) => number | null | undefined;
}

/** What a {@link lineChart} draws, and on what scale. */
export interface LineChartOptions {
  readonly timeline: Timeline;
  readonly height: number;
  readonly yMin: number;
  readonly yMax: number;
  /** Labels of the y axis and of the threshold. */
  readonly format: (value: number) => string;
  /** A dashed line at this value, when above `yMin`. */
  readonly threshold?: number;
  readonly series: readonly ChartSeries[];
  /** The chart's accessible name. */
  readonly label: string;
}

/** An inline SVG line chart of a timeline, with the audit events as vertical markers. */
export function lineChart(options: LineChartOptions): SVGSVGElement {
  const { timeline, height, yMin, yMax, format } = options;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = height - CHART.top - CHART.bottom;
  const from = Date.parse(timeline.from);
  const to = Date.parse(timeline.to);
  const half = (timeline.bucketSeconds * 1000) / 2;
  const x = (time: number): number => CHART.left + ((time - from) / (to - from)) * plotW;
  const y = (value: number): number => CHART.top + (1 - (value - yMin) / (yMax - yMin)) * plotH;
  const root = svg('svg', { class: 'chart', viewBox: `0 0 ${CHART.width} ${height}`, role: 'img', 'aria-label': options.label });
  for (let i = 0; i <= 4; i++) {
    const value = yMin + ((yMax - yMin) * i) / 4;
    appendAll(root, [
      svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(value), y2: y(value), stroke: '#e5e9ee' }),
      svg('text', { x: CHART.left - 6, y: y(value) + 3, 'text-anchor': 'end', text: format(value) }),
    ]);
  }
  const anchors = ['start', 'middle', 'end'];
  [from, (from + to) / 2, to].forEach((time, index) => {
    root.append(svg('text', { x: x(time), y: height - 5, 'text-anchor': anchors[index], text: clock(new Date(time).toISOString()) }));
  });
  const { threshold } = options;
  if (threshold !== undefined && threshold > yMin) {
    appendAll(root, [
      svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(threshold), y2: y(threshold), stroke: '#d97706', 'stroke-dasharray': '4 3' }),
      svg('text', { x: CHART.width - CHART.right - 2, y: y(threshold) - 3, 'text-anchor': 'end', fill: '#b45309', text: format(threshold) }),
    ]);
  }
  for (const event of timeline.events) {
    const time = Date.parse(event.at);
    if (time < from || time > to || event.status === 'initiated') continue;
    const colour = event.status === 'failed' ? '#9ca3af' : (EVENT_COLOURS[event.action] ?? '#6b7280');
    const marker = { x1: x(time), x2: x(time), y1: CHART.top, y2: CHART.top + plotH, stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': '3 2', class: 'event-marker' };
    root.append(svg('line', marker, [svg('title', { text: `${when(event.at)} ${event.action} ${event.status} by ${event.actor}: ${event.reason}` })]));
  }
  let drawn = 0;
  for (const series of options.series) {
    let d = '';
    let pen = 'M';
    for (const point of timeline.points) {
      const value = series.value(point);
      if (value === null || value === undefined) {
        pen = 'M';
        continue;
      }
      const px = x(Date.parse(point.at) + half);
      const py = y(Math.max(yMin, Math.min(yMax, value)));
      d += `${pen}${px.toFixed(1)} ${py.toFixed(1)} `;
      pen = 'L';
      drawn++;
      root.append(svg('circle', { cx: px, cy: py, r: 1.8, fill: series.colour }));
    }
    if (d) root.append(svg('path', { d, fill: 'none', stroke: series.colour, 'stroke-width': 2, 'stroke-linejoin': 'round', class: 'series' }));
  }
  if (drawn === 0) root.append(svg('text', { x: CHART.left + plotW / 2, y: CHART.top + plotH / 2, 'text-anchor': 'middle', text: 'no comparisons in this window' }));
  return root;
}
