/**
 * Runs before every API route: refuses requests that are not the site's own fetch() calls or
 * navigations (see lib/http/fetch-destination.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { apiDestinationAllowed, REFUSED_DESTINATION_MESSAGE } from "@/lib/http/fetch-destination";

export function proxy(request: NextRequest) {
  if (!apiDestinationAllowed(request.headers.get("sec-fetch-dest"))) {
    return NextResponse.json({ error: REFUSED_DESTINATION_MESSAGE }, { status: 403, headers: { "cache-control": "private, no-store" } });
  }
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
