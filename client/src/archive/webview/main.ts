/**
 * The timeline's page script: draws the bins the extension sends as an SVG stacked bar chart (one bar a
 * month, one layer a classification level, highest on top), with a count axis, a time axis labelled by
 * year, a legend with each level's total, the counts of a month on hover, and a click on a month sent to
 * the extension. No library; it fetches nothing.
 */
import type { ArchiveTimeline, LevelKey } from '../../../../server/src/archiveRequests.ts';
import type { FromTimeline, ToTimeline } from '../messages.ts';
import { monthName, niceTicks, yearStride } from './scale.ts';

interface VsCodeApi {
  postMessage(message: FromTimeline): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('cable-timeline')!;
const SVG = 'http://www.w3.org/2000/svg';
const LEVEL_NAMES: Record<LevelKey, string> = {
  TS: 'TOP SECRET',
  S: 'SECRET',
  C: 'CONFIDENTIAL',
  LOU: 'LIMITED OFFICIAL USE',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  U: 'UNCLASSIFIED',
  none: 'No classification',
};
const HEIGHT = 320;
const MARGIN = { top: 12, right: 16, bottom: 36, left: 56 };

let last: Extract<ToTimeline, { type: 'update' }> | undefined;

const fmt = (n: number): string => n.toLocaleString('en-US').replace(/,/g, '\u202f');

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

function html<K extends keyof HTMLElementTagNameMap>(name: K, className: string, text?: string, parent?: Element): HTMLElementTagNameMap[K] {
  const e = document.createElement(name);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  parent?.appendChild(e);
  return e;
}

function heading(m: Extract<ToTimeline, { type: 'update' }>): HTMLElement {
  const t = m.timeline;
  const h = html('h1', 'title');
  const first = t.months[0];
  const lastMonth = t.months.at(-1);
  const span = first && lastMonth ? `, ${monthName(first)} – ${monthName(lastMonth)}` : '';
  h.textContent = `${fmt(t.binned)} cable${t.binned === 1 ? '' : 's'} per month${span}`;
  const sub = html('p', 'subtitle', m.query ? `Filter: ${m.query}` : 'All cables of the workspace', h);
  if (m.chosen.length) sub.append(` · chosen: ${m.chosen.map(monthName).join(', ')}`);
  if (t.undated) sub.append(` · ${fmt(t.undated)} without a month, not plotted`);
  return h;
}

function legend(t: ArchiveTimeline): HTMLElement {
  const list = html('ul', 'legend');
  list.setAttribute('aria-label', 'Classification levels');
  t.levels.forEach((level, l) => {
    const total = t.counts.reduce((n, row) => n + row[l]!, 0);
    const item = html('li', '', undefined, list);
    html('span', `swatch level-${level}`, undefined, item);
    item.append(`${LEVEL_NAMES[level]} ${fmt(total)}`);
  });
  return list;
}

function tooltipText(t: ArchiveTimeline, i: number): string {
  const row = t.counts[i]!;
  const total = row.reduce((a, b) => a + b, 0);
  const parts = t.levels.flatMap((level, l) => (row[l] ? [`${LEVEL_NAMES[level]} ${fmt(row[l]!)}`] : []));
  return `${monthName(t.months[i]!)}: ${fmt(total)} cable${total === 1 ? '' : 's'}${parts.length ? ` — ${parts.join(', ')}` : ''}`;
}

function chart(m: Extract<ToTimeline, { type: 'update' }>, width: number, tip: HTMLElement): SVGSVGElement {
  const t = m.timeline;
  const plotW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const svg = el('svg', { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, class: 'chart' });
  const ticks = niceTicks(t.peak);
  const top = ticks.at(-1)!;
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const axisY = el('g', { class: 'axis axis-y' }, svg);
  for (const v of ticks) {
    el('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(v), y2: y(v), class: v === 0 ? 'baseline' : 'grid' }, axisY);
    el('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, axisY).textContent = fmt(v);
  }
  const band = plotW / Math.max(1, t.months.length);
  const barW = Math.max(1, band > 3 ? band * 0.8 : band);
  const bars = el('g', { class: 'bars' }, svg);
  const chosen = new Set(m.chosen);
  t.months.forEach((month, i) => {
    const x = MARGIN.left + i * band;
    const g = el('g', { class: `month${chosen.has(month) ? ' chosen' : ''}`, 'data-month': month }, bars);
    let base = 0;
    // Lowest level at the bottom: the levels come highest first.
    for (let l = t.levels.length - 1; l >= 0; l--) {
      const n = t.counts[i]![l]!;
      if (!n) continue;
      el('rect', { x: x + (band - barW) / 2, y: y(base + n), width: barW, height: Math.max(0.5, y(base) - y(base + n)), class: `bar level-${t.levels[l]}` }, g);
      base += n;
    }
    const hit = el('rect', { x, y: MARGIN.top, width: band, height: plotH, class: 'hit', tabindex: 0, role: 'button' }, g);
    hit.setAttribute('aria-label', tooltipText(t, i));
    const show = (ev: { clientX: number; clientY: number }) => {
      tip.textContent = tooltipText(t, i);
      tip.hidden = false;
      tip.style.left = `${Math.min(ev.clientX + 12, window.innerWidth - tip.offsetWidth - 8)}px`;
      tip.style.top = `${ev.clientY + 14}px`;
    };
    hit.addEventListener('mousemove', show);
    hit.addEventListener('focus', () => {
      const r = hit.getBoundingClientRect();
      show({ clientX: r.left, clientY: r.top + 20 });
    });
    hit.addEventListener('mouseleave', () => (tip.hidden = true));
    hit.addEventListener('blur', () => (tip.hidden = true));
    hit.addEventListener('click', () => vscode.postMessage({ type: 'month', month }));
    hit.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') vscode.postMessage({ type: 'month', month });
    });
  });
  timeAxis(svg, t, band, plotH);
  return svg;
}

function timeAxis(svg: SVGSVGElement, t: ArchiveTimeline, band: number, plotH: number): void {
  const axis = el('g', { class: 'axis axis-x' }, svg);
  const stride = yearStride(band * 12);
  const y0 = MARGIN.top + plotH;
  t.months.forEach((month, i) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    if (m !== 1 && i !== 0) return;
    if (year % stride !== 0 && !(i === 0 && stride === 1)) return;
    const x = MARGIN.left + i * band;
    el('line', { x1: x, x2: x, y1: y0, y2: y0 + 5, class: 'tick' }, axis);
    el('text', { x: x + 2, y: y0 + 18, 'text-anchor': 'start' }, axis).textContent = String(year);
  });
  const label = el('text', { x: 14, y: MARGIN.top + plotH / 2, class: 'axis-label', transform: `rotate(-90 14 ${MARGIN.top + plotH / 2})`, 'text-anchor': 'middle' }, svg);
  label.textContent = 'cables';
}

function draw(): void {
  if (!last) return;
  root.replaceChildren();
  root.append(heading(last));
  if (last.timeline.months.length === 0) {
    html('p', 'empty', 'No dated cable matches the filter.', root);
    return;
  }
  const tip = html('div', 'tip');
  tip.hidden = true;
  tip.setAttribute('role', 'status');
  root.append(chart(last, Math.max(320, root.clientWidth), tip), legend(last.timeline), tip);
}

window.addEventListener('message', (e: MessageEvent<ToTimeline>) => {
  const m = e.data;
  if (m.type === 'update') {
    last = m;
    draw();
  } else if (m.type === 'message') {
    last = undefined;
    root.replaceChildren(html('p', 'empty', m.text));
  }
});
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(draw, 100);
});
vscode.postMessage({ type: 'ready' });
