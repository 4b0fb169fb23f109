import { describe, expect, it } from "@jest/globals";
import { bestFit, gradient, loss, lossCurve, points, stableLearningRateLimit, step, verdict } from "./gradient-descent";

describe("gradient descent on a line", () => {
  it("computes the gradient that a finite difference of the loss agrees with", () => {
    const at = { w: 0.3, b: -0.4 };
    const g = gradient(at);
    const h = 1e-6;
    expect(g.w).toBeCloseTo((loss({ ...at, w: at.w + h }) - loss({ ...at, w: at.w - h })) / (2 * h), 5);
    expect(g.b).toBeCloseTo((loss({ ...at, b: at.b + h }) - loss({ ...at, b: at.b - h })) / (2 * h), 5);
  });

  it("finds the least-squares line near y = 2x + 1, where the gradient is zero", () => {
    const fit = bestFit();
    expect(fit.w).toBeCloseTo(2, 0);
    expect(fit.b).toBeCloseTo(1, 0);
    const g = gradient(fit);
    expect(Math.abs(g.w) + Math.abs(g.b)).toBeLessThan(1e-9);
  });

  it("one step moves against the gradient by learning rate × gradient", () => {
    const g = gradient({ w: 0, b: 0 });
    expect(step({ w: 0, b: 0 }, 0.1)).toEqual({ w: -0.1 * g.w, b: -0.1 * g.b });
  });

  it("a small rate is slow, a good rate converges, a rate past 2/curvature diverges", () => {
    const limit = stableLearningRateLimit();
    expect(limit).toBeGreaterThan(0.5);
    expect(limit).toBeLessThan(1.5);
    const start = { w: 0, b: 0 };
    expect(verdict(lossCurve(start, 0.01, 50))).toBe("slow");
    expect(verdict(lossCurve(start, 0.5, 50))).toBe("converged");
    const diverging = lossCurve(start, limit * 1.2, 50);
    expect(verdict(diverging)).toBe("diverging");
    expect(diverging[50]).toBeGreaterThan(diverging[0] * 10);
    expect(points).toHaveLength(12);
  });
});
