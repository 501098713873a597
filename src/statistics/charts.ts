// Charts drawn at build time as inline SVG with d3-scale: a title and description for screen
// readers, labels on the marks, and a second mark style besides colour (hatching) where series meet.
import { scaleBand, scaleLinear } from "d3-scale";
import { type Html, html } from "../core/html.js";

export interface Series {
  readonly key: string;
  readonly label: string;
  /** How the series is drawn: solid, hatched or dotted, so it reads without colour. */
  readonly style: "solid" | "hatched" | "dotted";
}

export interface Bar {
  readonly label: string;
  /** One value per series, in series order. */
  readonly values: readonly number[];
}

export interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly formatValue: (value: number) => string;
}

const COLOURS: Record<Series["style"], string> = { solid: "#0b4f8a", hatched: "#8a4500", dotted: "#4a4a4a" };

function defs(id: string): Html {
  return html`<defs><pattern id="${id}-hatched" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${COLOURS.hatched}"/></pattern><pattern id="${id}-dotted" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.6" fill="${COLOURS.dotted}"/></pattern></defs>`;
}

function fill(id: string, style: Series["style"]): string {
  return style === "solid" ? COLOURS.solid : `url(#${id}-${style})`;
}

function frame(text: ChartText, width: number, height: number, body: Html): Html {
  return html`<svg class="chart" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif"><title id="${text.id}-title">${text.title}</title><desc id="${text.id}-desc">${text.description}</desc>${defs(text.id)}${body}</svg>`;
}

/** Horizontal bars, one per category, each with its value written at its end. */
export function horizontalBars(text: ChartText, bars: readonly Bar[]): Html {
  // Room for the longest label and value at about 7.5 px per character of 13 px text.
  const labelWidth = Math.min(340, 16 + Math.max(...bars.map((bar) => bar.label.length)) * 7.5);
  const valueWidth = 12 + Math.max(...bars.map((bar) => text.formatValue(bar.values[0] ?? 0).length)) * 7.5;
  const width = 720;
  const row = 26;
  const height = 16 + bars.length * row;
  const max = Math.max(1, ...bars.map((bar) => bar.values[0] ?? 0));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, width - labelWidth - valueWidth]);
  const y = scaleBand<number>()
    .domain(bars.map((_, index) => index))
    .range([8, height - 8])
    .padding(0.2);
  return frame(
    text,
    width,
    height,
    html`${bars.map((bar, index) => {
      const value = bar.values[0] ?? 0;
      const top = y(index) ?? 0;
      const middle = top + y.bandwidth() / 2;
      return html`<g class="mark"><text x="${labelWidth - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle" font-size="13" fill="#1b1b1b">${bar.label}</text><rect x="${labelWidth}" y="${top}" width="${Math.max(1, x(value))}" height="${y.bandwidth()}" fill="${COLOURS.solid}"/><text x="${labelWidth + x(value) + 6}" y="${middle}" dominant-baseline="middle" font-size="13" fill="#1b1b1b">${text.formatValue(value)}</text></g>`;
    })}<line x1="${labelWidth}" x2="${labelWidth}" y1="4" y2="${height - 4}" stroke="#1b1b1b"/>`,
  );
}

/** Vertical stacked bars with a legend; every segment's style says its series without colour. */
export function stackedColumns(text: ChartText, series: readonly Series[], bars: readonly Bar[]): Html {
  const width = 720;
  const height = 300;
  const left = 40;
  const bottom = 40;
  const legendHeight = 28;
  const totals = bars.map((bar) => bar.values.reduce((sum, value) => sum + value, 0));
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice()
    .range([height - bottom, legendHeight + 10]);
  const x = scaleBand<number>()
    .domain(bars.map((_, index) => index))
    .range([left, width - 10])
    .padding(0.15);
  const every = Math.max(1, Math.ceil(bars.length / 16));
  return frame(
    text,
    width,
    height,
    html`<g class="legend">${series.map(
      (entry, index) =>
        html`<rect x="${left + index * 180}" y="4" width="16" height="16" fill="${fill(text.id, entry.style)}" stroke="#1b1b1b"/><text x="${left + index * 180 + 22}" y="16" font-size="13" fill="#1b1b1b">${entry.label}</text>`,
    )}</g>${y
      .ticks(5)
      .map(
        (tick) =>
          html`<line x1="${left}" x2="${width - 10}" y1="${y(tick)}" y2="${y(tick)}" stroke="#c8cdd2"/><text x="${left - 6}" y="${y(tick)}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="#1b1b1b">${text.formatValue(tick)}</text>`,
      )}${bars.map((bar, index) => {
      let base = 0;
      const left = x(index) ?? 0;
      return html`<g class="mark">${bar.values.map((value, seriesIndex) => {
        const segment = html`<rect x="${left}" y="${y(base + value)}" width="${x.bandwidth()}" height="${y(base) - y(base + value)}" fill="${fill(text.id, series[seriesIndex]?.style ?? "solid")}" stroke="#1b1b1b" stroke-width="${value > 0 ? 1 : 0}"/>`;
        base += value;
        return segment;
      })}<text x="${left + x.bandwidth() / 2}" y="${y(base) - 4}" text-anchor="middle" font-size="12" fill="#1b1b1b">${totals[index] ? text.formatValue(totals[index]) : ""}</text>${index % every === 0 ? html`<text x="${left + x.bandwidth() / 2}" y="${height - bottom + 16}" text-anchor="middle" font-size="12" fill="#1b1b1b">${bar.label}</text>` : ""}</g>`;
    })}<line x1="${left}" x2="${width - 10}" y1="${height - bottom}" y2="${height - bottom}" stroke="#1b1b1b"/>`,
  );
}
