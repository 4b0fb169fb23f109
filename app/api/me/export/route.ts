import { getDb } from "@/lib/db/client";
import { requirePermission } from "@/lib/auth/session";
import { route } from "@/lib/http/errors";
import { exportUserData } from "@/lib/progress/account";
import { PRIVATE } from "@/lib/progress/http";

/** Everything stored about the signed-in learner, as a JSON file download. */
export const GET = route(async () => {
  const user = await requirePermission("read:progress:own");
  const data = await exportUserData(getDb(), user.id);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      ...PRIVATE,
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="llm-academy-export-${day}.json"`,
    },
  });
});
