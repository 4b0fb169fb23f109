"use client";
/**
 * A code-split component that the server renders in full, but whose code the browser fetches
 * only when the reader scrolls near it. Until then React leaves the server's HTML in place (a
 * Suspense boundary waiting to hydrate), so the reader sees the same page, and the component's
 * JavaScript stays out of the page's first load. Lesson pages use it for figures.
 *
 * On the server (and in tests rendering with react-dom/server) the code loads at once.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from "react";
import { useNearViewport } from "./use-near-viewport";

/** How far ahead of the viewport the code starts loading: about half a screen (it is a few KB). */
const MARGIN = "500px";

function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export function lazyWhenNear<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  fallback: ReactNode,
): ComponentType<P> {
  function WhenNear(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [near] = useState(gate);
    const Component = useMemo(
      () =>
        lazy(async () => {
          if (typeof window !== "undefined") await near.opened;
          return load();
        }),
      [near],
    );

    const isNear = useNearViewport(ref, MARGIN);
    useEffect(() => {
      if (isNear) near.open();
    }, [isNear, near]);

    return (
      <div ref={ref}>
        <Suspense fallback={fallback}>
          <Component {...props} />
        </Suspense>
      </div>
    );
  }
  return WhenNear;
}
