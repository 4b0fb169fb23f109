"use client";
/**
 * The interactive part of a figure, inside the <figure> shell that figure.tsx renders on the
 * server: the figure's own component, loaded lazily (see loaders.tsx), behind an error boundary.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { FigureError } from "./figure-error";
import { figureLoaders } from "./loaders";
import type { FigureName } from "@/lib/content/figures";
import { useFigureText } from "./use-figure-text";

export function FigureBody({ name, alt }: { name: FigureName; alt: string }) {
  const Loaded = figureLoaders[name];
  return (
    <FigureErrorBoundary alt={alt}>
      <Loaded />
    </FigureErrorBoundary>
  );
}

/** Catches a figure that fails to load or render and shows its description instead. */
class FigureErrorBoundary extends Component<{ alt: string; children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Figure failed to render", error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return <FigureCrashed message={this.state.error.message} alt={this.props.alt} />;
    }
    return this.props.children;
  }
}

function FigureCrashed({ message, alt }: { message: string; alt: string }) {
  const t = useFigureText("ui");
  return (
    <FigureError title={t("crashed")} inside>
      {message || t("unexpected")} {t("whatItShows", { alt })}
    </FigureError>
  );
}
