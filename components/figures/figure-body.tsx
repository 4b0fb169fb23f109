"use client";
/**
 * The interactive part of a figure, inside the <figure> shell that figure.tsx renders on the
 * server: the figure's own component, loaded lazily (see loaders.tsx), behind an error boundary.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { FigureError } from "./figure-error";
import { figureLoaders } from "./loaders";
import type { FigureName } from "@/lib/content/figures";
import { formatFigureText } from "./figure-format";
import { frameEnglish, useProvidedText } from "./figure-text";

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
  const title = useProvidedText("ui.crashed") ?? frameEnglish.crashed;
  const unexpected = useProvidedText("ui.unexpected") ?? frameEnglish.unexpected;
  const shows = useProvidedText("ui.whatItShows") ?? frameEnglish.whatItShows;
  return (
    <FigureError title={title} inside>
      {message || unexpected} {formatFigureText(shows, { alt })}
    </FigureError>
  );
}
