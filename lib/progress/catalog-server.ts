import "server-only";
import { getManifest } from "../content/loader";
import type { ProgressCatalog } from "./catalog";
import { loadProgressCatalog } from "./catalog-load";

// Keyed by the manifest object: production keeps one manifest for the life of the process, so the
// catalog is built once; development re-reads content on each request, and so does this.
const built = new WeakMap<object, ProgressCatalog>();

/** The progress catalog of the course being served (pages and API routes). */
export function getProgressCatalog(): ProgressCatalog {
  const manifest = getManifest();
  let catalog = built.get(manifest);
  if (!catalog) {
    catalog = loadProgressCatalog(manifest);
    built.set(manifest, catalog);
  }
  return catalog;
}
