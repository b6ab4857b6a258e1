/**
 * The two charts of the Reports page, drawn with uPlot on canvas. A canvas says nothing to a
 * screen reader, so each chart sits in an element with role="img" and a one-sentence summary,
 * and the page puts the same numbers in a table next to it. Colours keep 3:1 against white and
 * the two lines differ by dash pattern too, never by colour alone.
 */
import uPlot from "uplot";
import type { Lang } from "../../../functions/contracts/lang.ts";
import { formatCount, formatDay } from "./format.ts";

export const CHART_COLOURS = {
  primary: "#0b4f8a",
  secondary: "#8a4b00",
  ink: "#1a1a1a",
  grid: "#d5dbe2",
};

export interface Chart {
  destroy(): void;
}

const HEIGHT = 260;

function axis(values: uPlot.Axis["values"], extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: CHART_COLOURS.ink,
    grid: { stroke: CHART_COLOURS.grid, width: 1 },
    ticks: { stroke: CHART_COLOURS.grid, width: 1 },
    font: '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    values,
    ...extra,
  };
}

/** Whole numbers only on a count axis: no "0,5 chats". */
const countAxis = (lang: Lang) =>
  axis((_u, splits) => splits.map((v) => (Number.isInteger(v) ? formatCount(v, lang) : "")), {
    size: 56,
  });

const fromZero: uPlot.Scale = { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] };

/** Draws into `host` at its current width and follows its size; `label` describes it. */
function mount(host: HTMLElement, label: string, make: (width: number) => uPlot): Chart {
  host.setAttribute("role", "img");
  host.setAttribute("aria-label", label);
  let plot: uPlot | undefined;
  let destroyed = false;
  // uPlot measures the container, which must be in the document first.
  const draw = () => {
    const width = Math.max(280, Math.floor(host.clientWidth || 600));
    if (!plot) plot = make(width);
    else if (Math.abs(plot.width - width) > 1) plot.setSize({ width, height: HEIGHT });
  };
  const observer = typeof ResizeObserver === "function" ? new ResizeObserver(draw) : undefined;
  requestAnimationFrame(() => {
    // Redrawn (new report, language switch) before the first frame: the new chart draws.
    if (destroyed || !host.isConnected) return;
    draw();
    observer?.observe(host);
  });
  return {
    destroy: () => {
      destroyed = true;
      observer?.disconnect();
      plot?.destroy();
    },
  };
}

/** Line chart in `host` of chats and bot-only chats for every day of the period (days as x). */
export function dailyChatsChart(
  host: HTMLElement,
  options: {
    days: string[];
    chats: number[];
    botOnly: number[];
    labels: { chats: string; botOnly: string };
    summary: string;
    lang: Lang;
  },
): Chart {
  const { days, lang } = options;
  const x = days.map((_d, i) => i);
  return mount(host, options.summary, (width) => {
    return new uPlot(
      {
        width,
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { size: 8 } },
        scales: { x: { time: false }, y: fromZero },
        axes: [
          axis(
            (_u, splits) =>
              splits.map((i) => {
                const day = Number.isInteger(i) ? days[i] : undefined;
                return day ? formatDay(day, { year: false }) : "";
              }),
            { space: 56, incrs: [1, 2, 7, 14, 28, 56, 91, 182, 364] },
          ),
          countAxis(lang),
        ],
        series: [
          {},
          {
            label: options.labels.chats,
            stroke: CHART_COLOURS.primary,
            width: 2,
            fill: "rgba(11, 79, 138, 0.08)",
            points: { show: days.length <= 45 },
          },
          {
            label: options.labels.botOnly,
            stroke: CHART_COLOURS.secondary,
            width: 2,
            dash: [6, 4],
            points: { show: false },
          },
        ],
      },
      [x, options.chats, options.botOnly],
      host,
    );
  });
}

/** Bar chart in `host` of how many survey answers gave each score 1-5. */
export function scoreBarChart(
  host: HTMLElement,
  options: {
    counts: [number, number, number, number, number];
    summary: string;
    label: string;
    lang: Lang;
  },
): Chart {
  const bars = uPlot.paths.bars?.({ size: [0.6, 90] });
  return mount(host, options.summary, (width) => {
    return new uPlot(
      {
        width,
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: { x: { time: false, range: [0.5, 5.5] }, y: fromZero },
        axes: [
          axis((_u, splits) => splits.map((v) => (Number.isInteger(v) ? `${v} ★` : "")), {
            incrs: [1],
          }),
          countAxis(options.lang),
        ],
        series: [
          {},
          {
            label: options.label,
            stroke: CHART_COLOURS.primary,
            fill: CHART_COLOURS.primary,
            width: 1,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          },
        ],
      },
      [[1, 2, 3, 4, 5], options.counts],
      host,
    );
  });
}
