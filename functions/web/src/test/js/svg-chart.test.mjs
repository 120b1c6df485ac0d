import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser } from './dom-stand-in.mjs';
import { importPage } from './page-modules.mjs';

const { niceTicks, drawChart } = await importPage('svg-chart.js');

test('ticks are round numbers 1, 2, 2.5 or 5 times a power of ten apart, covering the range', () => {
  assert.deepEqual(niceTicks(0, 10, 5), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(95, 182, 6), [100, 120, 140, 160, 180]);
  assert.deepEqual(niceTicks(0, 1, 4), [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(niceTicks(0, 47.3, 8), [0, 10, 20, 30, 40]);
  assert.deepEqual(niceTicks(0.1, 0.7, 6), [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
});

test('an empty or reversed range has the one tick at its start', () => {
  assert.deepEqual(niceTicks(160, 160, 6), [160]);
  assert.deepEqual(niceTicks(170, 150, 6), [170]);
});

let document;
beforeEach(() => {
  ({ document } = installBrowser());
  delete globalThis.ResizeObserver;
});

function figure(width) {
  const element = document.h('figure', { id: 'chart', clientWidth: width });
  document.body.append(element);
  return element;
}

const spec = () => ({
  title: 'Effective tempo',
  description: '2 tracks',
  x: { min: 0, max: 10, label: 'Minutes', format: (m) => `${m}′` },
  y: { min: 100, max: 200, label: 'BPM' },
  bands: [
    { from: 120, to: 150, className: 'zone-2', label: 'Zone 2' },
    { from: 40, to: 90, className: 'zone-1', label: 'below the plot' },
    { from: 190, to: 260, className: 'zone-5', label: 'Zone 5' },
  ],
  series: [
    { type: 'line', className: 'target', key: 'target', label: 'Plan target', points: [[0, 100], [5, 150], [10, 200]] },
    { type: 'segments', className: 'tracks', label: 'Tracks', segments: [{ x0: 0, x1: 4, y: 160, title: 'One — A' }, { x0: 4, x1: 10, y: 170 }] },
    { type: 'line', className: 'empty', points: [] },
  ],
});

const svgOf = (chart) => chart.childNodes[0];
const all = (node, tag) => node.descendants().filter((e) => e.localName === tag);

test('a 640-pixel figure gets a 640×320 SVG with its title and description for screen readers', () => {
  const chart = figure(640);
  drawChart(chart, spec());
  const svg = svgOf(chart);
  assert.equal(svg.namespaceURI, 'http://www.w3.org/2000/svg');
  assert.equal(svg.getAttribute('viewBox'), '0 0 640 320');
  assert.equal(svg.getAttribute('role'), 'img');
  const [titleId, descId] = svg.getAttribute('aria-labelledby').split(' ');
  assert.equal(all(svg, 'title').find((t) => t.id === titleId).textContent, 'Effective tempo');
  assert.equal(all(svg, 'desc').find((d) => d.id === descId).textContent, '2 tracks');
  assert.equal(chart.dataset.drawn, 'true');
});

test('points are scaled into the plot inside the margins, y growing upwards', () => {
  const chart = figure(640);
  drawChart(chart, spec());
  // Plot: x 52…624 (640 − 52 left − 16 right), y 12…276 (320 − 12 top − 44 bottom).
  const path = all(svgOf(chart), 'path');
  assert.equal(path.length, 1, 'the empty line series draws no path');
  assert.equal(path[0].getAttribute('d'), 'M52.0,276.0 L338.0,144.0 L624.0,12.0');
});

test('a narrow figure keeps at least 280 pixels and a 240-pixel height, with fewer x ticks', () => {
  const chart = figure(200);
  drawChart(chart, spec());
  const svg = svgOf(chart);
  assert.equal(svg.getAttribute('viewBox'), '0 0 280 240');
  const xLabels = all(svg, 'text').filter((t) => t.getAttribute('class') === 'tick' && t.getAttribute('text-anchor') === 'middle');
  assert.deepEqual(xLabels.map((t) => t.textContent), ['0′', '2.5′', '5′', '7.5′', '10′']);
  const wide = figure(640);
  drawChart(wide, spec());
  const wideLabels = all(svgOf(wide), 'text').filter((t) => t.getAttribute('class') === 'tick' && t.getAttribute('text-anchor') === 'middle');
  assert.deepEqual(wideLabels.map((t) => t.textContent), ['0′', '2′', '4′', '6′', '8′', '10′']);
});

test('bands are clipped to the y range, and a band outside it is left out', () => {
  const chart = figure(640);
  drawChart(chart, spec());
  const bands = all(svgOf(chart), 'rect').filter((r) => (r.getAttribute('class') || '').startsWith('band'));
  assert.deepEqual(bands.map((r) => [r.getAttribute('class'), Number(r.getAttribute('y')), Number(Number(r.getAttribute('height')).toFixed(1))]), [
    ['band zone-2', 144, 79.2], // 150 → 144, 120 → 223.2
    ['band zone-5', 12, 26.4], // clipped at 200 → 12; 190 → 38.4
  ]);
  const labels = all(svgOf(chart), 'text').filter((t) => t.getAttribute('class') === 'band-label').map((t) => t.textContent);
  assert.deepEqual(labels, ['Zone 2', 'Zone 5']);
});

test('each segment is a horizontal line from its start to its end minute with a dot at the start and its title', () => {
  const chart = figure(640);
  drawChart(chart, spec());
  const group = svgOf(chart).descendants().find((e) => e.getAttribute('data-series') === 'tracks');
  const lines = all(group, 'line').map((l) => ['x1', 'x2', 'y1', 'y2'].map((a) => Number(l.getAttribute(a))));
  assert.deepEqual(lines.map((l) => l.map((v) => Math.round(v * 10) / 10)), [[52, 280.8, 117.6, 117.6], [280.8, 624, 91.2, 91.2]]);
  assert.deepEqual(all(group, 'circle').map((c) => Number(c.getAttribute('cx'))), [52, 280.8]);
  assert.deepEqual(all(group, 'title').map((t) => t.textContent), ['One — A']);
});

test('the legend lists the labelled series in order', () => {
  const chart = figure(640);
  drawChart(chart, spec());
  const legend = chart.childNodes[1];
  assert.equal(legend.className, 'legend');
  assert.deepEqual(legend.children.map((li) => [li.children[0].className, li.textContent]), [
    ['swatch target', 'Plan target'],
    ['swatch tracks', 'Tracks'],
  ]);
});

test('drawing again replaces the chart, and a resize of more than 4 pixels redraws it', () => {
  const observers = [];
  globalThis.ResizeObserver = class {
    constructor(callback) { this.callback = callback; observers.push(this); }
    observe(target) { this.target = target; }
  };
  const chart = figure(640);
  drawChart(chart, spec());
  drawChart(chart, spec());
  assert.equal(chart.childNodes.length, 2);
  assert.equal(observers.length, 1, 'one observer per figure');
  chart.clientWidth = 642;
  observers[0].callback();
  assert.equal(svgOf(chart).getAttribute('width'), '640');
  chart.clientWidth = 400;
  observers[0].callback();
  assert.equal(svgOf(chart).getAttribute('viewBox'), '0 0 400 240');
});
