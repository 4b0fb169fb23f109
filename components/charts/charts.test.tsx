/** The charts' accessible structure and geometry, rendered to static HTML as the server does. */
import { describe, expect, it } from "@jest/globals";
import { renderToStaticMarkup } from "react-dom/server";
import { BarChart } from "./bar-chart";
import { ChartFrame } from "./chart-frame";
import { LineChart } from "./line-chart";
import { niceTicks } from "./types";

describe("niceTicks", () => {
  it("gives round steps from 0 to at least the maximum", () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(1000)).toEqual([0, 500, 1000]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

const data = [
  { label: "0%", value: 3 },
  { label: "1–19%", value: 0 },
  { label: "100%", value: 12 },
];

describe("charts", () => {
  it("a bar chart is an SVG image named by its frame, with one bar and tooltip per value", () => {
    const html = renderToStaticMarkup(
      <ChartFrame id="dist" title="Completion" summary="12 of 15 learners finished." data={data} labelHeader="Completion" valueHeader="Learners">
        <BarChart id="dist" data={data} units={["learner", "learners"]} />
      </ChartFrame>,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="dist-title dist-summary"');
    expect(html).toContain('<h3 id="dist-title"');
    expect(html).toContain('<p id="dist-summary"');
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain("<title>100%: 12 learners</title>");
    // Ticks for a maximum of 12 go up in fives: 0, 5, 10, 15.
    expect(html).toContain(">15</text>");
  });

  it("the same data is in a table for screen readers and anyone who prefers numbers", () => {
    const html = renderToStaticMarkup(
      <ChartFrame id="dist" title="Completion" summary="s" data={data} labelHeader="Completion" valueHeader="Learners">
        <BarChart id="dist" data={data} units={["learner", "learners"]} />
      </ChartFrame>,
    );
    expect(html).toContain("<caption class=\"sr-only\">Completion</caption>");
    expect(html).toMatch(/<th scope="row"[^>]*>100%<\/th><td[^>]*>12<\/td>/);
  });

  it("a line chart draws one point per day and labels every seventh, ending on the last day", () => {
    const days = Array.from({ length: 15 }, (_, i) => ({ label: `2026-03-${String(i + 1).padStart(2, "0")}`, value: i % 3 }));
    const html = renderToStaticMarkup(<LineChart id="act" data={days} units={["active learner", "active learners"]} formatLabel={(l) => l.slice(5)} />);
    expect(html.match(/<circle /g)).toHaveLength(15);
    // x-axis labels sit on the line y=200 (the chart's bottom margin); the y-axis ticks do not.
    const labels = [...html.matchAll(/<text x="[^"]+" y="200"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(["03-01", "03-08", "03-15"]);
    // The last label is right-aligned so it does not run off the chart.
    expect(html).toMatch(/<text x="[^"]+" y="200" text-anchor="end"[^>]*>03-15<\/text>/);
    expect(html).toContain("<title>03-02: 1 active learner</title>");
  });
});
