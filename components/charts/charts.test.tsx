/**
 * The charts: recharts components, drawn in the browser. Recharts measures its container and
 * registers axes and series in effects, so on the server (and in renderToStaticMarkup) it renders
 * only an empty, fixed-size wrapper, and this project has no DOM for jest (no jsdom). So:
 * - the accessible structure the server sends is checked in static markup;
 * - what we tell recharts to draw (one series over all the data, whole-number y ticks, the
 *   labelled days, no animation) is checked on the element tree the components return;
 * - the tooltip text is checked by rendering our tooltip content as recharts calls it.
 * Drawing the bars and points from that configuration is recharts' own (tested) job.
 */
import { describe, expect, it } from "@jest/globals";
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Area, Bar, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { BarChart } from "./bar-chart";
import { ChartFrame } from "./chart-frame";
import { tooltipText, ValueTooltip } from "./chart-parts";
import { labelledIndexes, LineChart } from "./line-chart";

type AnyElement = ReactElement<Record<string, unknown>>;

/** Every element in a tree as written (components are not called), the root first. */
function elements(node: ReactNode): AnyElement[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}
const ofType = (tree: ReactNode, type: unknown) => elements(tree).filter((e) => e.type === type);
const only = (tree: ReactNode, type: unknown) => {
  const found = ofType(tree, type);
  expect(found).toHaveLength(1);
  return found[0];
};

/** What the tooltip shows when recharts hands it the hovered datum. */
function tooltipFor(tree: ReactNode, datum: object): string {
  // As recharts does: clone the content element with the hovered data object as the payload's first entry.
  const content = only(tree, Tooltip).props.content as ReactElement<{ active?: boolean; payload?: unknown[] }>;
  return renderToStaticMarkup(cloneElement(content, { active: true, payload: [{ payload: datum, value: 0, dataKey: "value" }] }));
}

const data = [
  { label: "0%", value: 3 },
  { label: "1–19%", value: 0 },
  { label: "100%", value: 12 },
];
const learners = ["learner", "learners"] as const;

/** The completion bar chart in its frame, as the server renders it. */
const completionChart = (summary: string) =>
  renderToStaticMarkup(
    <ChartFrame id="dist" title="Completion" summary={summary} data={data} labelHeader="Completion" valueHeader="Learners" tableToggle="Show the data as a table">
      <BarChart id="dist" data={data} units={learners} />
    </ChartFrame>,
  );

describe("charts on the server", () => {
  it("a bar chart is one image named and described by its frame, in a fixed-height box", () => {
    const html = completionChart("12 of 15 learners finished.");
    expect(html).toContain('<h3 id="dist-title"');
    expect(html).toContain('<p id="dist-summary"');
    expect(html).toMatch(/<div role="img" aria-labelledby="dist-title dist-summary" data-testid="dist-svg" style="height:220px"/);
    // Recharts' wrapper is inside, keeping the place until the browser draws the chart.
    expect(html).toMatch(/class="recharts-wrapper" style="[^"]*height:220px/);
  });

  it("the same data is in a table for screen readers and anyone who prefers numbers", () => {
    const html = completionChart("s");
    expect(html).toContain('<caption class="sr-only">Completion</caption>');
    expect(html).toMatch(/<th scope="row"[^>]*>100%<\/th><td[^>]*>12<\/td>/);
  });

  it("a line chart is an image named by its frame too", () => {
    const html = renderToStaticMarkup(<LineChart id="act" data={data} units={learners} />);
    expect(html).toMatch(/^<div role="img" aria-labelledby="act-title act-summary" data-testid="act-svg"/);
  });
});

describe("what the bar chart asks recharts to draw", () => {
  // Hook-free function components: calling one gives the element tree it renders.
  const tree = BarChart({ id: "dist", data, units: learners });

  it("one series of bars over all the data, one bar per category", () => {
    const chart = elements(tree).find((e) => Array.isArray(e.props.data));
    expect(chart?.props.data).toEqual(data);
    // Recharts' keyboard layer (a focusable role="application") would sit inside the image: off.
    expect(chart?.props.accessibilityLayer).toBe(false);
    expect(only(tree, Bar).props.dataKey).toBe("value");
    expect(only(tree, XAxis).props).toMatchObject({ dataKey: "label", interval: 0 });
  });

  it("y ticks are whole numbers, nothing animates, and values above 0 are written on the bars", () => {
    expect(only(tree, YAxis).props.allowDecimals).toBe(false);
    for (const e of [...ofType(tree, Bar), ...ofType(tree, Tooltip)]) expect(e.props.isAnimationActive).toBe(false);
    const format = only(tree, LabelList).props.formatter as (v: number) => unknown;
    expect([format(0), format(12)]).toEqual([null, 12]);
  });

  it("each bar's tooltip gives its category and value, in the right number", () => {
    expect(tooltipFor(tree, data[2])).toContain("100%: 12 learners");
    expect(tooltipFor(tree, { label: "0%", value: 1 })).toContain("0%: 1 learner<");
  });
});

describe("what the line chart asks recharts to draw", () => {
  const days = Array.from({ length: 15 }, (_, i) => ({ label: `03-${String(i + 1).padStart(2, "0")}`, value: i % 3 }));
  const tree = LineChart({ id: "act", data: days, units: ["active learner", "active learners"] });

  it("one point per day, in order", () => {
    const chart = elements(tree).find((e) => Array.isArray(e.props.data));
    expect((chart?.props.data as { label: string }[]).map((d) => d.label)).toEqual(days.map((d) => d.label));
    expect(only(tree, Area).props).toMatchObject({ dataKey: "value", isAnimationActive: false });
    expect(only(tree, YAxis).props.allowDecimals).toBe(false);
  });

  it("labels every seventh day, ending on the last", () => {
    const axis = only(tree, XAxis).props;
    const format = axis.tickFormatter as (i: number) => string;
    expect((axis.ticks as number[]).map((i) => format(i))).toEqual(["03-01", "03-08", "03-15"]);
    expect(axis.interval).toBe(0); // recharts must not drop any of them
  });

  it("each point's tooltip gives its day and value", () => {
    expect(tooltipFor(tree, { ...days[1], i: 1 })).toContain("03-02: 1 active learner<");
  });
});

describe("chart helpers", () => {
  it("labelled indexes count back from the last point", () => {
    expect(labelledIndexes(15, 7)).toEqual([0, 7, 14]);
    expect(labelledIndexes(30, 7)).toEqual([1, 8, 15, 22, 29]);
    expect(labelledIndexes(1, 7)).toEqual([0]);
    expect(labelledIndexes(0, 7)).toEqual([]);
    expect(labelledIndexes(3, 0)).toEqual([0, 1, 2]);
  });

  it("a tooltip shows nothing until a value is hovered", () => {
    expect(renderToStaticMarkup(<ValueTooltip units={learners} />)).toBe("");
    expect(renderToStaticMarkup(<ValueTooltip units={learners} active={false} payload={[{ payload: data[0] }]} />)).toBe("");
    expect(tooltipText({ label: "1–19%", value: 0 }, learners)).toBe("1–19%: 0 learners");
  });
});
