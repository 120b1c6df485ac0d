// A small SVG chart for tempo and heart-rate curves: lines, per-track segments, horizontal bands (heart-rate
// zones) and labelled axes. SVG keeps it crisp on phones, styleable from app.css (colours are classes, so the
// strict Content-Security-Policy needs no inline style), and readable by screen readers (title + desc).

const SVG = 'http://www.w3.org/2000/svg';
const MARGIN = { top: 12, right: 16, bottom: 44, left: 52 };

function element(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) {
    node.setAttribute(key, String(value));
  }
  if (parent) {
    parent.appendChild(node);
  }
  return node;
}

/** Round, readable tick values covering [min, max] (1, 2, 2.5 or 5 times a power of ten apart). */
export function niceTicks(min, max, wanted) {
  if (!(max > min)) {
    return [min];
  }
  const rough = (max - min) / Math.max(1, wanted);
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) || 10 * power;
  const ticks = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Math.round(value * 1e6) / 1e6);
  }
  return ticks;
}

let chartCount = 0;

/**
 * Draws into `figure` (replacing what was there) and redraws when the figure changes width.
 * spec: {title, description, x: {min, max, label, format}, y: {min, max, label},
 *        bands: [{from, to, className, label}],
 *        series: [{type: 'line', className, label, points: [[x, y], …]}
 *               | {type: 'segments', className, label, segments: [{x0, x1, y, title}]}]}
 */
export function drawChart(figure, spec) {
  const render = () => renderInto(figure, spec);
  render();
  if (typeof ResizeObserver !== 'undefined' && !figure.dataset.observed) {
    figure.dataset.observed = 'true';
    let lastWidth = figure.clientWidth;
    new ResizeObserver(() => {
      if (Math.abs(figure.clientWidth - lastWidth) > 4) {
        lastWidth = figure.clientWidth;
        (figure.chartRender || render)();
      }
    }).observe(figure);
  }
  figure.chartRender = render;
}

function renderInto(figure, spec) {
  const id = 'chart-' + (++chartCount);
  const width = Math.max(280, Math.round(figure.clientWidth || 640));
  const height = width < 480 ? 240 : 320;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const xs = (x) => MARGIN.left + ((x - spec.x.min) / (spec.x.max - spec.x.min || 1)) * plotWidth;
  const ys = (y) => MARGIN.top + (1 - (y - spec.y.min) / (spec.y.max - spec.y.min || 1)) * plotHeight;
  const clampY = (y) => Math.min(spec.y.max, Math.max(spec.y.min, y));

  const svg = element('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'chart-svg',
  });
  element('title', { id: `${id}-title` }, svg).textContent = spec.title;
  element('desc', { id: `${id}-desc` }, svg).textContent = spec.description || '';

  const clip = element('clipPath', { id: `${id}-clip` }, element('defs', {}, svg));
  element('rect', { x: MARGIN.left, y: MARGIN.top, width: plotWidth, height: plotHeight }, clip);

  for (const band of spec.bands || []) {
    const top = ys(clampY(band.to));
    const bottom = ys(clampY(band.from));
    if (bottom - top < 1) {
      continue;
    }
    element('rect', { x: MARGIN.left, y: top, width: plotWidth, height: bottom - top, class: 'band ' + band.className }, svg);
    if (band.label && bottom - top >= 12) {
      const text = element('text', { x: MARGIN.left + plotWidth - 4, y: top + 11, class: 'band-label', 'text-anchor': 'end' }, svg);
      text.textContent = band.label;
    }
  }

  const axes = element('g', { class: 'axes', 'aria-hidden': 'true' }, svg);
  const xTicks = niceTicks(spec.x.min, spec.x.max, width < 480 ? 4 : 8);
  const yTicks = niceTicks(spec.y.min, spec.y.max, 6);
  for (const tick of yTicks) {
    element('line', { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: ys(tick), y2: ys(tick), class: 'grid' }, axes);
    const label = element('text', { x: MARGIN.left - 6, y: ys(tick) + 4, 'text-anchor': 'end', class: 'tick' }, axes);
    label.textContent = tick;
  }
  for (const tick of xTicks) {
    element('line', { x1: xs(tick), x2: xs(tick), y1: MARGIN.top + plotHeight, y2: MARGIN.top + plotHeight + 5, class: 'axis' }, axes);
    const label = element('text', { x: xs(tick), y: MARGIN.top + plotHeight + 18, 'text-anchor': 'middle', class: 'tick' }, axes);
    label.textContent = spec.x.format ? spec.x.format(tick) : tick;
  }
  element('line', { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: MARGIN.top + plotHeight, y2: MARGIN.top + plotHeight, class: 'axis' }, axes);
  element('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plotHeight, class: 'axis' }, axes);
  const xLabel = element('text', { x: MARGIN.left + plotWidth / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis-label' }, axes);
  xLabel.textContent = spec.x.label;
  const yLabel = element('text', {
    x: -(MARGIN.top + plotHeight / 2), y: 14, transform: 'rotate(-90)', 'text-anchor': 'middle', class: 'axis-label',
  }, axes);
  yLabel.textContent = spec.y.label;

  const plot = element('g', { 'clip-path': `url(#${id}-clip)` }, svg);
  for (const series of spec.series) {
    const group = element('g', { class: 'series ' + series.className, 'data-series': series.key || series.className }, plot);
    if (series.type === 'line' && series.points.length > 0) {
      const d = series.points
        .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${xs(x).toFixed(1)},${ys(y).toFixed(1)}`)
        .join(' ');
      element('path', { d, class: 'line' }, group);
    } else if (series.type === 'segments') {
      for (const segment of series.segments) {
        const line = element('line', {
          x1: xs(segment.x0), x2: xs(segment.x1), y1: ys(segment.y), y2: ys(segment.y), class: 'segment',
        }, group);
        if (segment.title) {
          element('title', {}, line).textContent = segment.title;
        }
        element('circle', { cx: xs(segment.x0), cy: ys(segment.y), r: 3, class: 'dot' }, group);
      }
    }
  }

  const legend = document.createElement('ul');
  legend.className = 'legend';
  for (const item of [...spec.series.filter((s) => s.label), ...(spec.bands || []).filter((b) => b.legend)]) {
    const entry = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch ' + item.className;
    swatch.setAttribute('aria-hidden', 'true');
    entry.append(swatch, document.createTextNode(item.label || item.legend));
    legend.appendChild(entry);
  }

  figure.replaceChildren(svg, legend);
  figure.dataset.drawn = 'true';
}
