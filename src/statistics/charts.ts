// Charts drawn at build time as HTML rows with SVG bars: labels and values are page text, so they
// wrap and keep the page's font size on any screen (never clipped, never scaled down); only the
// bars are SVG, stretched to the row. A second mark style besides colour (hatching, dots) tells
// series apart. No inline styles (the security policy forbids them) and no script.
import { scaleLinear } from "d3-scale";
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

function patterns(id: string): Html {
  return html`<svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
  <defs>
    <pattern id="${id}-hatched" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#ffffff"/>
      <rect width="3" height="6" fill="${COLOURS.hatched}"/>
    </pattern>
    <pattern id="${id}-dotted" width="5" height="5" patternUnits="userSpaceOnUse">
      <rect width="5" height="5" fill="#ffffff"/>
      <circle cx="2.5" cy="2.5" r="1.6" fill="${COLOURS.dotted}"/>
    </pattern>
  </defs>
</svg>`;
}

function fill(id: string, style: Series["style"]): string {
  return style === "solid" ? COLOURS.solid : `url(#${id}-${style})`;
}

/** The chart's frame: an image named by its title and described, whose numbers the table after it gives. */
function frame(text: ChartText, body: Html): Html {
  return html`<div class="chart" role="img" aria-labelledby="${text.id}-title ${text.id}-desc">
  <p class="chart-title" id="${text.id}-title">${text.title}</p>
  <p class="visually-hidden" id="${text.id}-desc">${text.description}</p>
  ${body}
</div>`;
}

/** One bar of a chart: its values, drawn as segments of a series each, against the largest total. */
interface BarShape {
  /** The chart's id, which names its fill patterns. */
  readonly id: string;
  readonly series: readonly Series[];
  readonly values: readonly number[];
  readonly max: number;
}

/** A bar's segments as one SVG stretched to its row: widths in percent of the largest total. */
function barSvg({ id, series, values, max }: BarShape): Html {
  const x = scaleLinear().domain([0, max]).range([0, 100]);
  let start = 0;
  const segments = values.map((value, index) => {
    const width = Math.max(value > 0 ? 0.5 : 0, x(value)).toFixed(2);
    const colour = fill(id, series[index]?.style ?? "solid");
    const segment = html`<rect x="${x(start).toFixed(2)}" width="${width}" height="10" fill="${colour}"/>`;
    start += value;
    return segment;
  });
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
  ${segments}
</svg>`;
}

/** A row of a chart: its label, its bar and its value, read as text (cells of a grid). */
function mark(label: string, bar: Html, value: string): Html {
  return html`<li class="mark">
  <span class="bar-label">${label}</span>
  ${bar}
  <span class="bar-value">${value}</span>
</li>`;
}

const SINGLE: readonly Series[] = [{ key: "value", label: "", style: "solid" }];

/** Horizontal bars, one per category, each with its label and value as text. */
export function horizontalBars(text: ChartText, bars: readonly Bar[]): Html {
  const max = Math.max(1, ...bars.map((bar) => bar.values[0] ?? 0));
  const rows = bars.map((bar) =>
    mark(
      bar.label,
      barSvg({ id: text.id, series: SINGLE, values: bar.values.slice(0, 1), max }),
      text.formatValue(bar.values[0] ?? 0),
    ),
  );
  return frame(text, html`<ol class="bars">${rows}</ol>`);
}

/** Stacked bars, one row per category (a year), with a legend; every segment's style says its series. */
export function stackedBars(text: ChartText, series: readonly Series[], bars: readonly Bar[]): Html {
  const totals = bars.map((bar) => bar.values.reduce((sum, value) => sum + value, 0));
  const max = Math.max(1, ...totals);
  const rows = bars.map((bar, index) =>
    mark(bar.label, barSvg({ id: text.id, series, values: bar.values, max }), text.formatValue(totals[index] ?? 0)),
  );
  return frame(
    text,
    html`${patterns(text.id)}
  ${series.length > 1 ? legend(text.id, series) : ""}
  <ol class="bars">${rows}</ol>`,
  );
}

/** A square of a series' fill, as its bars have it. */
function swatch(colour: string): Html {
  return html`<svg class="swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <rect x="0.5" y="0.5" width="15" height="15" fill="${colour}" stroke="#1b1b1b"/>
</svg>`;
}

/** What each style of segment stands for: a swatch of it and the series' name. */
function legend(id: string, series: readonly Series[]): Html {
  const entries = series.map((entry) => html`<li>${swatch(fill(id, entry.style))}${entry.label}</li>`);
  return html`<ul class="legend">${entries}</ul>`;
}

/** A chart says something only when it compares: one bar (or none) is left to the table. */
export function worthDrawing(bars: readonly Bar[]): boolean {
  return bars.filter((bar) => bar.values.some((value) => value > 0)).length >= 2;
}
