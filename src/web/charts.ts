import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { DistributionRow } from '../judgement/assess.ts';
import type { BlockARow } from '../profile/block-a.ts';
import type { BlockCRow } from '../profile/block-c.ts';

/**
 * Charts as server-rendered SVG, drawn by Observable Plot into a linkedom document (no browser, no canvas), following
 * GOV.UK's guidance on data visualisation: an active title that says what the chart shows, meaning never in colour
 * alone (each series also has its own symbol or line style, named in the key), and the same data as a table beside
 * every chart (the page template's job). Deterministic: a fixed class name, no random ids.
 */
export interface Chart {
  /** The active title: what the chart shows, as a sentence. */
  readonly title: string;
  readonly svg: string;
  /** The key, in words: each series and how it is drawn. */
  readonly key: readonly { readonly label: string; readonly mark: string }[];
  /**
   * The same chart drawn for a phone (360 wide rather than 720, its labels wrapped into a narrower margin), so that its
   * text is read at about the size of the page's rather than at half of it. Pages show it instead of `svg` below
   * 641 px (kingsway.css, .kw-chart--narrow); a document that prints the chart (the profile pack) keeps to `svg`.
   */
  readonly narrowSvg: string;
}

/**
 * The phone's drawing of a chart, drawn when first read and kept on the chart: a page that shows the chart only as
 * an image at a phone's width (the LA page: la.njk) or only at print width (the profile pack) never draws it.
 */
const NARROW_DRAWN = new WeakMap<object, string>();
function lazyNarrow(draw: () => string, chart: object): string {
  let svg = NARROW_DRAWN.get(chart);
  if (svg === undefined) NARROW_DRAWN.set(chart, (svg = draw()));
  return svg;
}

const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
// GOV.UK Design System colours: blue for the LA, dark grey and black for the comparators.
const LA = '#1d70b8';
const SIMILAR = '#505a5f';
const ENGLAND = '#0b0c0c';

/** The little of the DOM this module touches, so that the project needs no DOM types. */
interface Node {
  readonly tagName: string;
  readonly outerHTML: string;
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): Iterable<Node>;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  getAttribute(name: string): string | null;
}

/** A phone's chart: 360 wide, shown at 345 px (the width container at 375 px) so at 96% of its size. */
const NARROW = 360;

function svgOf(plot: Node, title: string, narrow = false): string {
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg')!;
  // The chart is one image with one name (its active title); Plot's labels on its inner groups would be ARIA on
  // elements with no role, which assistive technology ignores and axe reports. The data is in the table beside it.
  for (const inner of svg.querySelectorAll('[aria-label]')) inner.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  svg.setAttribute('focusable', 'false');
  // Plot's stylesheet for the chart is in kingsway.css: the Content-Security-Policy allows no <style> in a page.
  for (const style of svg.querySelectorAll('style')) (style as unknown as { remove(): void }).remove();
  if (narrow) svg.setAttribute('class', `${svg.getAttribute('class') ?? ''} kw-chart--narrow`.trim());
  return svg.outerHTML;
}

const common = { document: document as never, className: 'kw-chart', style: { fontFamily: '"GDS Transport", arial, sans-serif', fontSize: '14px', overflow: 'visible' } } as const;

/** Block A: the share of each type of setting good or better, for the LA, similar areas and England. */
export function blockAChart(laName: string, rows: readonly BlockARow[]): Chart | null {
  type Point = { group: string; who: string; percent: number };
  const points: Point[] = [];
  for (const r of rows) {
    if (r.la.shares.goodOrBetter === null) continue;
    points.push({ group: r.group.label, who: laName, percent: r.la.shares.goodOrBetter * 100 });
    if (r.similarAreas?.shares.goodOrBetter != null) points.push({ group: r.group.label, who: 'Similar areas', percent: r.similarAreas.shares.goodOrBetter * 100 });
    if (r.england?.shares.goodOrBetter != null) points.push({ group: r.group.label, who: 'England', percent: r.england.shares.goodOrBetter * 100 });
  }
  if (points.length === 0) return null;
  const groups = [...new Set(points.map((p) => p.group))];
  const title = `${laName}: the share of each type of setting judged good or better, against similar areas and England`;
  // Each row as tall as the longest name wraps to (about 26 characters a line, 15 on a phone; 17 units a line):
  // today's "Boarding schools and colleges with residential accommodation" takes three lines, four on a phone.
  const longest = Math.max(...groups.map((g) => g.length));
  const rowOf = (narrow: boolean) => (narrow ? Math.max(40, 17 * Math.ceil(longest / 15) + 6) : Math.max(34, 17 * Math.ceil(longest / 26)));
  const draw = (narrow: boolean) => Plot.plot({
    ...common,
    width: narrow ? NARROW : 720,
    height: 60 + groups.length * rowOf(narrow),
    marginLeft: narrow ? 130 : 250,
    marginRight: 20,
    marginBottom: 45,
    x: { domain: [0, 100], label: 'Good or better (%)', labelAnchor: 'center', labelOffset: 38, grid: true },
    y: { domain: groups, label: null, axis: null },
    symbol: { domain: [laName, 'Similar areas', 'England'], range: ['circle', 'square', 'diamond'] },
    color: { domain: [laName, 'Similar areas', 'England'], range: [LA, SIMILAR, ENGLAND] },
    marks: [
      // Long names ("Children's homes run by the local authority") wrap onto two lines within the margin, rather
      // than running off the left edge, which on a phone is off the screen.
      Plot.axisY({ lineWidth: narrow ? 8.5 : 15, tickSize: 0, tickPadding: 8 }),
      Plot.ruleY(groups, { stroke: '#f3f2f1', strokeWidth: Math.round(rowOf(narrow) * 0.6) }),
      Plot.dot(points, { x: 'percent', y: 'group', symbol: 'who', stroke: 'who', fill: (d: Point) => (d.who === laName ? LA : 'white'), r: (d: Point) => (d.who === laName ? 7 : 6), strokeWidth: 2 }),
    ],
  });
  return {
    title,
    svg: svgOf(draw(false) as unknown as Node, title),
    get narrowSvg() {
      return lazyNarrow(() => svgOf(draw(true) as unknown as Node, title, true), this);
    },
    key: [
      { label: laName, mark: 'filled blue circle' },
      { label: 'Similar areas', mark: 'open grey square' },
      { label: 'England', mark: 'open black diamond' },
    ],
  };
}

/** The national distribution of grades beside the published one, as shares of LAs. */
export function distributionChart(year: number, rows: readonly DistributionRow[], labels: { readonly run: string; readonly published: string } = { run: `Kingsway ${year}`, published: `Published ${year}` }): Chart {
  type Bar = { outcome: string; series: string; percent: number };
  // The labels say which is which: a run from synthetic data is never to be read as the outcome Ofsted published.
  const bars: Bar[] = rows.flatMap((r) => [
    { outcome: r.outcome, series: labels.run, percent: r.runShare * 100 },
    ...(r.publishedShare === null ? [] : [{ outcome: r.outcome, series: labels.published, percent: r.publishedShare * 100 }]),
  ]);
  const outcomes = rows.map((r) => r.outcome);
  const series = [labels.run, labels.published];
  const published = rows.some((r) => r.publishedShare !== null);
  const title = published ? `How the ${year} grades are distributed across LAs, beside the published outcome` : `How the ${year} grades are distributed across LAs (no published outcome to set beside them)`;
  // Each row as tall as its grade's words wrap to (the 2006 APA's run to three lines, four on a phone), about 17 units
  // a line; the two bars share it.
  const longest = Math.max(...outcomes.map((o) => o.length));
  const draw = (narrow: boolean) => {
    const row = Math.max(44, 17 * Math.ceil(longest / (narrow ? 14 : 23)) + 10);
    const half = Math.round(row * 0.45);
    return Plot.plot({
      ...common,
      width: narrow ? NARROW : 720,
      height: 60 + outcomes.length * row,
      marginLeft: narrow ? 120 : 190,
      marginRight: narrow ? 40 : 50,
      marginBottom: 45,
      x: { label: 'Share of LAs (%)', labelAnchor: 'center', labelOffset: 38, grid: true },
      y: { domain: outcomes, label: null, axis: null },
      color: { domain: series, range: [LA, SIMILAR] },
      marks: [
        // The 2006 APA's long grades ("3 Consistently delivers above minimum requirements") wrap within the margin
        // rather than running off the left edge of the page, as Block A's names do.
        Plot.axisY({ lineWidth: narrow ? 7.5 : 13, tickSize: 6, tickPadding: 3 }),
        // Kingsway's run in the upper half of each row, solid; the published outcome in the lower half, pale and outlined.
        Plot.barX(bars.filter((b) => b.series === series[0]), { x: 'percent', y: 'outcome', fill: 'series', insetTop: 2, insetBottom: half }),
        Plot.barX(bars.filter((b) => b.series === series[1]), { x: 'percent', y: 'outcome', fill: 'series', fillOpacity: 0.35, stroke: 'series', strokeWidth: 1.5, insetTop: half, insetBottom: 2 }),
        Plot.text(bars.filter((b) => b.series === series[0]), { x: 'percent', y: 'outcome', text: (d: Bar) => `${d.percent.toFixed(0)}%`, dx: 18, dy: -Math.round(row * 0.2) }),
        Plot.text(bars.filter((b) => b.series === series[1]), { x: 'percent', y: 'outcome', text: (d: Bar) => `${d.percent.toFixed(0)}%`, dx: 18, dy: Math.round(row * 0.2) }),
      ],
    });
  };
  return { title, svg: svgOf(draw(false) as unknown as Node, title), get narrowSvg() {
      return lazyNarrow(() => svgOf(draw(true) as unknown as Node, title, true), this);
    }, key: [{ label: series[0]!, mark: 'solid blue bar, upper' }, ...(published ? [{ label: series[1]!, mark: 'pale grey bar with outline, lower' }] : [])] };
}

/** One indicator over time: the LA against similar areas and England. */
export function trendChart(laName: string, row: BlockCRow): Chart | null {
  type Point = { period: string; who: string; value: number };
  const points: Point[] = [];
  for (const p of row.series) {
    if (p.la.kind === 'number') points.push({ period: p.period.original, who: laName, value: p.la.value });
    if (p.similarAreas) points.push({ period: p.period.original, who: 'Similar areas', value: p.similarAreas.comparator });
    if (p.england) points.push({ period: p.period.original, who: 'England', value: p.england.comparator });
  }
  if (points.length === 0) return null;
  const periods = row.series.map((p) => p.period.original);
  const title = `${laName}: ${row.indicator.name}, ${periods[0]} to ${periods.at(-1)}, against similar areas and England`;
  const who = [laName, 'Similar areas', 'England'];
  // On a phone the periods' labels are turned, five of them being wider than the chart.
  const draw = (narrow: boolean) => Plot.plot({
    ...common,
    width: narrow ? NARROW : 720,
    height: narrow ? 300 : 320,
    marginLeft: narrow ? 48 : 60,
    marginRight: narrow ? 100 : 120,
    ...(narrow ? { marginBottom: 60 } : {}),
    x: { domain: periods, label: null, type: 'point', padding: 0.3, ...(narrow ? { tickRotate: -40 } : {}) },
    y: { label: row.indicator.unit, grid: true, zero: false },
    color: { domain: who, range: [LA, SIMILAR, ENGLAND] },
    marks: [
      Plot.line(points.filter((p) => p.who === laName), { x: 'period', y: 'value', stroke: 'who', strokeWidth: 3 }),
      Plot.line(points.filter((p) => p.who === 'Similar areas'), { x: 'period', y: 'value', stroke: 'who', strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.line(points.filter((p) => p.who === 'England'), { x: 'period', y: 'value', stroke: 'who', strokeWidth: 2, strokeDasharray: '2,3' }),
      Plot.dot(points, { x: 'period', y: 'value', stroke: 'who', fill: 'white', r: 4 }),
      Plot.text(points, Plot.selectLast({ x: 'period', y: 'value', z: 'who', text: 'who', textAnchor: 'start', dx: 8, fill: 'who' })),
    ],
  });
  return { title, svg: svgOf(draw(false) as unknown as Node, title), get narrowSvg() {
      return lazyNarrow(() => svgOf(draw(true) as unknown as Node, title, true), this);
    }, key: [{ label: laName, mark: 'thick solid blue line' }, { label: 'Similar areas', mark: 'dashed grey line' }, { label: 'England', mark: 'dotted black line' }] };
}

/** Several LAs on one measure: the chosen LA highlighted (filled, and named "selected"), England as a marked line. */
export function compareChart(measure: string, rows: readonly { name: string; value: number | null; selected: boolean }[], laName: string, england: number | null, unit: string): Chart | null {
  const bars = rows.filter((r) => r.value !== null).map((r) => ({ name: r.selected ? `${r.name} (selected)` : r.name, value: r.value!, selected: r.selected }));
  if (bars.length === 0) return null;
  const title = `${laName} beside the other local authorities chosen: ${measure}`;
  const draw = (narrow: boolean) => Plot.plot({
    ...common,
    width: narrow ? NARROW : 720,
    height: 60 + bars.length * (narrow ? 40 : 28),
    marginLeft: narrow ? 130 : 230,
    marginRight: narrow ? 45 : 60,
    marginBottom: 45,
    x: { label: unit || null, labelAnchor: 'center', labelOffset: 38, grid: true },
    y: { domain: bars.map((b) => b.name), label: null, ...(narrow ? { axis: null } : {}) },
    marks: [
      // On a phone the names wrap within the narrower margin ("Cheshire West and Chester (selected)").
      ...(narrow ? [Plot.axisY({ lineWidth: 8.5, tickSize: 6, tickPadding: 3 })] : []),
      Plot.barX(bars, { x: 'value', y: 'name', fill: (d: { selected: boolean }) => (d.selected ? LA : '#b1b4b6'), stroke: (d: { selected: boolean }) => (d.selected ? LA : SIMILAR) }),
      Plot.text(bars, { x: 'value', y: 'name', text: (d: { value: number }) => String(Number(d.value.toFixed(1))), dx: 20 }),
      ...(england === null ? [] : [Plot.ruleX([england], { stroke: ENGLAND, strokeWidth: 2, strokeDasharray: '4,3' }), Plot.text([england], { x: (d: number) => d, frameAnchor: 'top', text: () => 'England', dy: -12 })]),
    ],
  });
  return {
    title,
    svg: svgOf(draw(false) as unknown as Node, title),
    get narrowSvg() {
      return lazyNarrow(() => svgOf(draw(true) as unknown as Node, title, true), this);
    },
    key: [{ label: `${laName} (selected)`, mark: 'blue bar' }, { label: 'Other local authorities', mark: 'grey bar with outline' }, ...(england === null ? [] : [{ label: 'England', mark: 'dashed black line' }])],
  };
}
