import path from "node:path";
import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/db/health";
import { readMigrations } from "@/lib/db/migrate";

export const dynamic = "force-dynamic";

/**
 * GET /api/health, for load balancers and monitoring: 200 with `ok: true` when the database is
 * reachable and every migration of this build is applied, else 503 with what is wrong.
 * Public on purpose (a load balancer has no session) and free of data about anyone.
 */
export async function GET() {
  const names = (await readMigrations(path.join(process.cwd(), "prisma", "migrations"))).map((m) => m.name);
  const health = await checkHealth(getDb(), names);
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
