import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { recordCapstoneRun } from "@/lib/capstone/server/record-run";

/** A finished capstone run's summary (lib/capstone/run-input.ts). 201 when recorded, 200 when this runId already was. */
export const POST = route(async (request: Request) => {
  const user = await requirePermission("write:progress:own");
  const result = await recordCapstoneRun(getDb(), user.id, await readJsonBody(request, 8 * 1024));
  return privateJson(result, result.recorded ? 201 : 200);
});
