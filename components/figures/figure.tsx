"use client";
/**
 * `<Figure name alt caption />`, the component lessons use to place an interactive figure.
 *
 * Why a client component: the lesson page itself stays a server component and passes
 * only strings (name, alt, caption) across the boundary. Figure has to be on the client
 * because it owns the lazy loading (each figure is its own chunk, fetched only when a
 * lesson renders it) and the error boundary that turns a crashing figure into a message
 * instead of a broken page; both are client-side React features. It is a small leaf:
 * the figures' code is not part of it.
 *
 * Accessibility: the <figure> is named by its <figcaption> and described by the lesson's
 * alt text, kept in a visually hidden paragraph linked with aria-describedby, so a screen
 * reader hears what the figure shows while the controls inside stay fully usable.
 */
import { Component, useId, type ErrorInfo, type ReactNode } from "react";
import { figureLoaders } from "./loaders";
import { figureNames, figureTitles, isFigureName, type FigureName } from "./registry";

export interface FigureProps {
  name: FigureName;
  /** What the figure shows, in words, for a reader who cannot see it. */
  alt: string;
  /** Short visible caption; defaults to the figure's title. */
  caption?: string;
}

export function Figure({ name, alt, caption }: FigureProps) {
  if (!isFigureName(name)) {
    return (
      <FigureError title="Unknown figure">
        This lesson asks for a figure called <code className="font-mono">“{String(name)}”</code>, which does not exist.
        Known figures: {figureNames.join(", ")}.
      </FigureError>
    );
  }
  const Loaded = figureLoaders[name];
  return (
    <FigureFrame name={name} alt={alt} caption={caption}>
      <FigureErrorBoundary alt={alt}>
        <Loaded />
      </FigureErrorBoundary>
    </FigureFrame>
  );
}

/** The <figure> shell: content, caption, and the alt text for assistive technology. */
export function FigureFrame({
  name,
  alt,
  caption,
  children,
}: {
  name: FigureName;
  alt: string;
  caption?: string;
  children: ReactNode;
}) {
  const descriptionId = useId();
  return (
    <figure
      data-figure={name}
      aria-describedby={descriptionId}
      className="not-prose my-8 rounded-lg border border-slate-200 bg-white p-3 text-slate-900 shadow-sm sm:p-5 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <p id={descriptionId} className="sr-only">
        {alt}
      </p>
      {children}
      <figcaption className="mt-4 border-t border-slate-200 pt-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        {caption ?? figureTitles[name]}
      </figcaption>
    </figure>
  );
}

export function FigureError({ title, children, inside = false }: { title: string; children: ReactNode; inside?: boolean }) {
  return (
    <div
      data-testid="figure-error"
      className={`not-prose ${inside ? "" : "my-8"} rounded-lg border-2 border-red-600 bg-red-50 p-4 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100`}
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{children}</p>
    </div>
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
      return (
        <FigureError title="This figure could not be displayed" inside>
          {this.state.error.message || "An unexpected error occurred."} What it shows: {this.props.alt}
        </FigureError>
      );
    }
    return this.props.children;
  }
}
