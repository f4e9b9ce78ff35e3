/** Client part: the inline SVG line charts (match rate, error rates) with audit markers. */
export const CLIENT_CHART = String.raw`
var CHART = { width: 600, left: 44, right: 10, top: 10, bottom: 20 };
var EVENT_COLOURS = { rollback: '#b91c1c', 'rollback-cleared': '#15803d', stage: '#2563eb', rollout: '#2563eb' };

// options: { timeline, height, yMin, yMax, format, threshold, series: [{ colour, value(point) }], label }
function lineChart(options) {
  var t = options.timeline;
  var height = options.height;
  var plotW = CHART.width - CHART.left - CHART.right;
  var plotH = height - CHART.top - CHART.bottom;
  var from = Date.parse(t.from);
  var to = Date.parse(t.to);
  var half = (t.bucketSeconds * 1000) / 2;
  var x = function (time) { return CHART.left + ((time - from) / (to - from)) * plotW; };
  var y = function (value) { return CHART.top + (1 - (value - options.yMin) / (options.yMax - options.yMin)) * plotH; };
  var root = svg('svg', { class: 'chart', viewBox: '0 0 ' + CHART.width + ' ' + height, role: 'img', 'aria-label': options.label });
  for (var i = 0; i <= 4; i++) {
    var value = options.yMin + ((options.yMax - options.yMin) * i) / 4;
    appendAll(root, [
      svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(value), y2: y(value), stroke: '#e5e9ee' }),
      svg('text', { x: CHART.left - 6, y: y(value) + 3, 'text-anchor': 'end', text: options.format(value) }),
    ]);
  }
  [from, (from + to) / 2, to].forEach(function (time, index) {
    root.append(svg('text', { x: x(time), y: height - 5, 'text-anchor': ['start', 'middle', 'end'][index], text: clock(new Date(time).toISOString()) }));
  });
  if (options.threshold !== undefined && options.threshold > options.yMin) {
    appendAll(root, [
      svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(options.threshold), y2: y(options.threshold), stroke: '#d97706', 'stroke-dasharray': '4 3' }),
      svg('text', { x: CHART.width - CHART.right - 2, y: y(options.threshold) - 3, 'text-anchor': 'end', fill: '#b45309', text: options.format(options.threshold) }),
    ]);
  }
  t.events.forEach(function (event) {
    var time = Date.parse(event.at);
    if (time < from || time > to || event.status === 'initiated') return;
    var colour = event.status === 'failed' ? '#9ca3af' : EVENT_COLOURS[event.action] || '#6b7280';
    root.append(svg('line', { x1: x(time), x2: x(time), y1: CHART.top, y2: CHART.top + plotH, stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': '3 2', class: 'event-marker' }, [
      svg('title', { text: when(event.at) + ' ' + event.action + ' ' + event.status + ' by ' + event.actor + ': ' + event.reason }),
    ]));
  });
  var drawn = 0;
  options.series.forEach(function (series) {
    var d = '';
    var pen = 'M';
    t.points.forEach(function (point) {
      var value = series.value(point);
      if (value === null || value === undefined) { pen = 'M'; return; }
      var px = x(Date.parse(point.at) + half);
      var py = y(Math.max(options.yMin, Math.min(options.yMax, value)));
      d += pen + px.toFixed(1) + ' ' + py.toFixed(1) + ' ';
      pen = 'L';
      drawn++;
      root.append(svg('circle', { cx: px, cy: py, r: 1.8, fill: series.colour }));
    });
    if (d) root.append(svg('path', { d: d, fill: 'none', stroke: series.colour, 'stroke-width': 2, 'stroke-linejoin': 'round', class: 'series' }));
  });
  if (drawn === 0) root.append(svg('text', { x: CHART.left + plotW / 2, y: CHART.top + plotH / 2, 'text-anchor': 'middle', text: 'no comparisons in this window' }));
  return root;
}

function matchRateChart(timeline) {
  var rates = timeline.points.map(function (p) { return p.matchRate; }).filter(function (v) { return v !== null; });
  var lowest = rates.length ? Math.min.apply(null, rates) : 1;
  // Floors whose quarter steps are round numbers (2.5, 5, 10, 15, 20, 25 points).
  var yMin = [0.9, 0.8, 0.6, 0.4, 0.2, 0].find(function (floor) { return floor <= lowest - 0.02; });
  if (yMin === undefined) yMin = 0;
  return lineChart({
    timeline: timeline, height: 150, yMin: yMin, yMax: 1, threshold: 0.95, label: 'match rate over time',
    format: function (v) { return String(Math.round(v * 1000) / 10) + '%'; },
    series: [{ colour: '#2563eb', value: function (p) { return p.matchRate; } }],
  });
}

function errorRateChart(timeline) {
  var highest = 0;
  timeline.points.forEach(function (p) { highest = Math.max(highest, p.legacyErrorRate || 0, p.candidateErrorRate || 0); });
  var yMax = Math.max(0.05, Math.ceil(highest * 1.15 * 50) / 50);
  return lineChart({
    timeline: timeline, height: 110, yMin: 0, yMax: yMax, label: 'error rate, legacy and candidate',
    format: function (v) { return (v * 100).toFixed(yMax < 0.1 ? 1 : 0) + '%'; },
    series: [
      { colour: '#64748b', value: function (p) { return p.legacyErrorRate; } },
      { colour: '#db2777', value: function (p) { return p.candidateErrorRate; } },
    ],
  });
}
`;
