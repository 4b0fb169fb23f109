/**
 * Runs `run` once the browser has drawn the next frame (a frame callback, then a task after it),
 * so whatever is on screen now is painted before `run`'s work starts. Returns a cancel function.
 */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
