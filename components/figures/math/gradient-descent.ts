/**
 * Gradient descent on the smallest model there is: a line y = w·x + b fitted to a few points
 * by mean squared error (used by the gradient-descent figure). Plain numbers, exact gradients.
 */

export interface Point {
  x: number;
  y: number;
}

export interface LineParams {
  w: number;
  b: number;
}

/** Twelve points near y = 2x + 1 for x in [-1, 1], with fixed, made-up noise. */
export const points: readonly Point[] = [-1, -0.8, -0.6, -0.4, -0.2, 0, 0.15, 0.3, 0.5, 0.65, 0.8, 1].map((x, i) => ({
  x,
  y: 2 * x + 1 + [0.12, -0.2, 0.05, 0.18, -0.1, 0.07, -0.15, 0.1, -0.05, 0.2, -0.12, 0.04][i],
}));

/** Mean squared error of the line on the points. */
export function loss({ w, b }: LineParams, data: readonly Point[] = points): number {
  return data.reduce((sum, p) => sum + (w * p.x + b - p.y) ** 2, 0) / data.length;
}

/** dLoss/dw and dLoss/db, worked out by hand with the chain rule. */
export function gradient({ w, b }: LineParams, data: readonly Point[] = points): LineParams {
  let gw = 0;
  let gb = 0;
  for (const p of data) {
    const error = w * p.x + b - p.y;
    gw += 2 * error * p.x;
    gb += 2 * error;
  }
  return { w: gw / data.length, b: gb / data.length };
}

/** One step against the gradient. */
export function step(params: LineParams, learningRate: number, data: readonly Point[] = points): LineParams {
  const g = gradient(params, data);
  return { w: params.w - learningRate * g.w, b: params.b - learningRate * g.b };
}

/** The losses of `steps` steps from `start` (the first entry is the starting loss). */
export function lossCurve(start: LineParams, learningRate: number, steps: number, data: readonly Point[] = points): number[] {
  const losses = [loss(start, data)];
  let params = start;
  for (let i = 0; i < steps; i++) {
    params = step(params, learningRate, data);
    losses.push(loss(params, data));
  }
  return losses;
}

/**
 * The largest learning rate that still converges: 2 divided by the largest eigenvalue of the
 * loss's (constant) curvature matrix [[2·mean(x²), 2·mean(x)], [2·mean(x), 2]].
 */
export function stableLearningRateLimit(data: readonly Point[] = points): number {
  const mx = data.reduce((s, p) => s + p.x, 0) / data.length;
  const mxx = data.reduce((s, p) => s + p.x * p.x, 0) / data.length;
  const [a, c, d] = [2 * mxx, 2 * mx, 2];
  const largest = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
  return 2 / largest;
}

export type Verdict = "diverging" | "slow" | "converged";

/** How a run went, judged from its loss curve. */
export function verdict(losses: readonly number[]): Verdict {
  const last = losses[losses.length - 1];
  if (!Number.isFinite(last) || last > losses[0]) return "diverging";
  const best = loss(bestFit());
  return last - best < 0.01 ? "converged" : "slow";
}

/** The least-squares line, in closed form: where gradient descent should end up. */
export function bestFit(data: readonly Point[] = points): LineParams {
  const n = data.length;
  const mx = data.reduce((s, p) => s + p.x, 0) / n;
  const my = data.reduce((s, p) => s + p.y, 0) / n;
  const sxy = data.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = data.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}
