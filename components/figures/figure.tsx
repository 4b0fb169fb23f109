/**
 * `<Figure name alt caption />`, the component lessons use to place an interactive figure.
 *
 * A server component: it checks the name and renders the <figure> shell and its caption, so the
 * unknown-figure message never ships to the browser; the default caption (the figure's title) is
 * a small client component, so it follows the reader's locale (figure-text.tsx). Inside, FigureBody
 * (a client component) owns the lazy loading (each figure is its own chunk, fetched only when
 * the reader gets near it) and the error boundary that turns a crashing figure into a message
 * instead of a broken page.
 *
 * Accessibility: the <figure> is named by its <figcaption> and described by the lesson's
 * alt text, kept in a visually hidden paragraph linked with aria-describedby, so a screen
 * reader hears what the figure shows while the controls inside stay fully usable.
 */
import { useId, type ReactNode } from "react";
import { FigureBody } from "./figure-body";
import { FigureError } from "./figure-error";
import { FigureTitle } from "./figure-title";
import { figureNames, figureTitles, isFigureName, type FigureName } from "@/lib/content/figures";

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
  return (
    <FigureFrame name={name} alt={alt} caption={caption}>
      <FigureBody name={name} alt={alt} />
    </FigureFrame>
  );
}

/** The <figure> shell: content, caption, and the alt text for assistive technology. */
function FigureFrame({
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
        {caption ?? <FigureTitle name={name} english={figureTitles[name]} />}
      </figcaption>
    </figure>
  );
}
