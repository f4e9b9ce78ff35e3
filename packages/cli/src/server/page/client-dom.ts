/**
 * Client part: DOM and formatting helpers. Plain browser JavaScript in a
 * string (no template literals, so it can sit in String.raw), joined with the
 * other parts into `/assets/dashboard.js`.
 */
export const CLIENT_DOM = String.raw`
var SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(node, attrs) {
  Object.keys(attrs || {}).forEach(function (key) {
    var value = attrs[key];
    if (value === undefined || value === null || value === false) return;
    if (key === 'text') node.textContent = String(value);
    else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  });
  return node;
}

function appendAll(node, children) {
  (children || []).forEach(function (child) {
    if (child === null || child === undefined || child === false) return;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

function h(tag, attrs, children) {
  return appendAll(setAttrs(document.createElement(tag), attrs), children);
}

function svg(tag, attrs, children) {
  return appendAll(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

function replaceChildren(node, children) {
  node.replaceChildren();
  return appendAll(node, children);
}

function pct(value, digits) {
  if (value === null || value === undefined) return '–';
  return (value * 100).toFixed(digits === undefined ? 1 : digits) + ' %';
}

function msText(value) {
  if (value === null || value === undefined) return '–';
  return value < 10 ? value.toFixed(1) + ' ms' : Math.round(value).toLocaleString() + ' ms';
}

function count(value) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString();
}

function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function when(iso) {
  var date = new Date(iso);
  var today = new Date().toDateString() === date.toDateString();
  var time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return today ? time : date.toLocaleDateString() + ' ' + time;
}

function duration(seconds) {
  if (seconds < 120) return seconds + ' s';
  if (seconds < 7200) return Math.round(seconds / 60) + ' min';
  if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
  return Math.round(seconds / 86400) + ' d';
}
`;
