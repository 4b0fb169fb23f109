import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { jsonDownload, route } from "@/lib/http/route";
import { exportUserData } from "@/lib/progress/account";

/** Everything stored about the signed-in learner, as a JSON file download. */
export const GET = route(async () => {
  const user = await requirePermission("read:progress:own");
  const data = await exportUserData(getDb(), user.id);
  const day = data.exportedAt.slice(0, 10);
  return jsonDownload(`llm-academy-export-${day}.json`, data);
});
