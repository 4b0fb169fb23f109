import { NextResponse } from "next/server";
import { buildEditorTypes } from "@/lib/exercises/editor-types";

/**
 * The type declarations the exercise editor loads (tfjs-core, "@tensorflow/tfjs", "@academy/provided").
 * Generated once at build time from node_modules and served as a static file; public, the same for everyone.
 */
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(buildEditorTypes(), {
    headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" },
  });
}
