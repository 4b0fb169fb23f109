/**
 * Stands in for lib/grading/provided/reference-sources.ts inside the sandbox bundle: the sandbox
 * has no file system, so the host reads the pieces an exercise imports and passes them in.
 */
export function referenceSources(): never {
  throw new Error("Inside the sandbox the provided pieces come from the host");
}
