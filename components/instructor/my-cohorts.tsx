"use client";
import { useRouter } from "@/i18n/navigation";
import { useState } from "react";
import { formatDay } from "./format";
import { sendJson } from "./send-json";
import { BUTTON_QUIET, ERROR_BOX } from "./ui";

export interface MyCohortItem {
  id: string;
  name: string;
  joinedAt: string;
  instructors: string[];
}

/** The cohorts a learner belongs to (names and instructors only), each with "Leave". */
export function MyCohorts({ cohorts }: { cohorts: MyCohortItem[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  if (cohorts.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">You are not in any cohort yet.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="my-cohorts">
        {cohorts.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <span>
              <span className="font-medium">{c.name}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-300">
                taught by {c.instructors.join(", ")} · joined {formatDay(c.joinedAt)}
              </span>
            </span>
            <button
              type="button"
              className={BUTTON_QUIET}
              onClick={async () => {
                if (!window.confirm(`Leave ${c.name}? Its instructors will no longer see your progress. You can join again with the code while joining is open.`)) return;
                const result = await sendJson(`/api/cohorts/${c.id}/membership`, "DELETE");
                if (!result.ok) return setError(result.error);
                router.refresh();
              }}
            >
              Leave
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert" className={ERROR_BOX}>{error}</p>}
    </>
  );
}
