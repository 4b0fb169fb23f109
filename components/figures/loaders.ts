"use client";
/**
 * One lazily loaded component per figure. Each `import()` becomes its own chunk, so a
 * lesson downloads only the figures it places (and the attention figure's
 * TensorFlow.js only once that figure runs; see attention-heatmap.tsx).
 *
 * React.lazy rather than next/dynamic: both code-split the same way, but React.lazy
 * also runs outside Next (the tests render figures through this very table with
 * react-dom/server), and Suspense gives us the loading placeholder.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { FigureName } from "./registry";

export const figureLoaders: Record<FigureName, LazyExoticComponent<ComponentType>> = {
  "ai-relationship": lazy(() => import("./ai-relationship")),
  "building-analogy": lazy(() => import("./building-analogy")),
  "llm-pipeline": lazy(() => import("./llm-pipeline")),
  "vector-space": lazy(() => import("./vector-space")),
  "attention-heatmap": lazy(() => import("./attention-heatmap")),
  "positional-encoding-heatmap": lazy(() => import("./positional-encoding-heatmap")),
  "softmax-temperature": lazy(() => import("./softmax-temperature")),
  "encoder-decoder-flow": lazy(() => import("./encoder-decoder-flow")),
  "training-stages": lazy(() => import("./training-stages")),
};
