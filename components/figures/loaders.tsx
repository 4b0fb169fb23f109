"use client";
/**
 * One lazily loaded component per figure. Each `import()` becomes its own chunk, so a
 * lesson downloads only the figures it places, and only when the reader scrolls near one
 * (the server still renders every figure into the page; see components/ui/lazy-when-near.tsx).
 * The attention figure's TensorFlow.js waits the same way (see attention-heatmap.tsx).
 *
 * React.lazy underneath rather than next/dynamic: both code-split the same way, but React.lazy
 * also runs outside Next (the tests render figures through this very table with
 * react-dom/server), and Suspense gives us the loading placeholder.
 */
import type { ComponentType } from "react";
import { lazyWhenNear } from "@/components/ui/lazy-when-near";
import type { FigureName } from "@/lib/content/figures";
import { frameEnglish, useProvidedText } from "./figure-text";

function FigureLoading() {
  const loading = useProvidedText("ui.loading") ?? frameEnglish.loading;
  return (
    <div role="status" className="flex min-h-48 items-center justify-center text-sm text-slate-600 dark:text-slate-400">
      {loading}
    </div>
  );
}

const lazy = (load: () => Promise<{ default: ComponentType }>) => lazyWhenNear(load, <FigureLoading />);

export const figureLoaders: Record<FigureName, ComponentType> = {
  "ai-relationship": lazy(() => import("./ai-relationship")),
  "building-analogy": lazy(() => import("./building-analogy")),
  "llm-pipeline": lazy(() => import("./llm-pipeline")),
  "vector-space": lazy(() => import("./vector-space")),
  "attention-heatmap": lazy(() => import("./attention-heatmap")),
  "positional-encoding-heatmap": lazy(() => import("./positional-encoding-heatmap")),
  "softmax-temperature": lazy(() => import("./softmax-temperature")),
  "encoder-decoder-flow": lazy(() => import("./encoder-decoder-flow")),
  "training-stages": lazy(() => import("./training-stages")),
  tokenizer: lazy(() => import("./tokenizer")),
  "gradient-descent": lazy(() => import("./gradient-descent")),
};
