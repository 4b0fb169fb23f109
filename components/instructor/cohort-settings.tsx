"use client";
import { useRouter } from "@/i18n/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { sendJson } from "./send-json";
import { BUTTON, BUTTON_DANGER, BUTTON_QUIET, CARD, ERROR_BOX, FIELD, OK_BOX } from "./ui";

export interface SettingsCohort {
  id: string;
  name: string;
  description: string;
  /** "YYYY-MM-DD". */
  startsAt: string;
  endsAt: string | null;
  joinOpen: boolean;
  joinCodeDisplay: string;
  instructors: { id: string; name: string; email: string }[];
}

type Status = { kind: "ok" | "error"; text: string } | null;

function Message({ status }: { status: Status }) {
  if (!status) return null;
  return (
    <p role={status.kind === "error" ? "alert" : "status"} className={`mt-3 ${status.kind === "error" ? ERROR_BOX : OK_BOX}`}>
      {status.text}
    </p>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={CARD}>
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** Everything an instructor can change about a cohort. Each panel saves on its own and says what happened. */
export function CohortSettings({ cohort, me }: { cohort: SettingsCohort; me: string }) {
  const router = useRouter();
  const url = `/api/cohorts/${cohort.id}`;
  const [details, setDetails] = useState<Status>(null);
  const [joining, setJoining] = useState<Status>(null);
  const [team, setTeam] = useState<Status>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, set: (s: Status) => void, action: () => ReturnType<typeof sendJson>, ok: string) {
    setBusy(key);
    set(null);
    const result = await action();
    setBusy(null);
    if (!result.ok) return set({ kind: "error", text: result.error }), false;
    set({ kind: "ok", text: ok });
    router.refresh();
    return true;
  }

  async function saveDetails(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const endsAt = String(form.get("endsAt") ?? "");
    await run(
      "details",
      setDetails,
      () =>
        sendJson(url, "PATCH", {
          name: String(form.get("name") ?? ""),
          description: String(form.get("description") ?? ""),
          startsAt: String(form.get("startsAt") ?? ""),
          endsAt: endsAt === "" ? null : endsAt,
        }),
      "Saved.",
    );
  }

  async function addInstructor(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const email = String(new FormData(formElement).get("email") ?? "");
    if (await run("add", setTeam, () => sendJson(`${url}/instructors`, "POST", { email }), `${email} can now see and manage this cohort.`)) formElement.reset();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="cohort-settings">
      <Panel id="details-heading" title="Details">
        <form onSubmit={saveDetails} className="space-y-4">
          <label className="block text-sm font-medium">
            Name
            <input name="name" required maxLength={120} defaultValue={cohort.name} className={FIELD} />
          </label>
          <label className="block text-sm font-medium">
            Description
            <textarea name="description" maxLength={2000} rows={3} defaultValue={cohort.description} className={FIELD} />
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            <label className="block text-sm font-medium">
              Starts
              <input name="startsAt" type="date" required defaultValue={cohort.startsAt} className={FIELD} />
            </label>
            <label className="block text-sm font-medium">
              Ends <span className="font-normal text-slate-500 dark:text-slate-400">(optional)</span>
              <input name="endsAt" type="date" defaultValue={cohort.endsAt ?? ""} className={FIELD} />
            </label>
          </div>
          <button type="submit" disabled={busy === "details"} className={BUTTON}>{busy === "details" ? "Saving…" : "Save details"}</button>
        </form>
        <Message status={details} />
      </Panel>

      <Panel id="joining-heading" title="Joining">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Joining is <strong data-testid="joining-state">{cohort.joinOpen ? "open" : "closed"}</strong>. The current code is{" "}
          <code className="font-mono">{cohort.joinCodeDisplay}</code>.
        </p>
        <div className="mt-3 flex flex-wrap gap-3">
          <button
            type="button"
            disabled={busy === "toggle"}
            className={BUTTON_QUIET}
            onClick={() =>
              run("toggle", setJoining, () => sendJson(url, "PATCH", { joinOpen: !cohort.joinOpen }), cohort.joinOpen ? "Joining is now closed." : "Joining is now open.")
            }
          >
            {cohort.joinOpen ? "Close joining" : "Open joining"}
          </button>
          <button
            type="button"
            disabled={busy === "rotate"}
            className={BUTTON_QUIET}
            onClick={() => {
              if (!window.confirm("Make a new join code? The current code and link stop working at once; learners who already joined stay.")) return;
              void run("rotate", setJoining, () => sendJson(`${url}/join-code`, "POST", {}), "New code made: share the new link.");
            }}
          >
            New join code
          </button>
        </div>
        <Message status={joining} />
      </Panel>

      <Panel id="team-heading" title="Instructors">
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {cohort.instructors.map((i) => (
            <li key={i.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                {i.name} <span className="text-slate-500 dark:text-slate-400">{i.email}</span>
                {i.id === me && <span className="text-slate-500 dark:text-slate-400"> (you)</span>}
              </span>
              {cohort.instructors.length > 1 && (
                <button
                  type="button"
                  className={BUTTON_DANGER}
                  disabled={busy === `remove:${i.id}`}
                  onClick={async () => {
                    const self = i.id === me;
                    if (!window.confirm(self ? "Stop teaching this cohort? You will no longer see it." : `Remove ${i.name} as an instructor of this cohort?`)) return;
                    const ok = await run(`remove:${i.id}`, setTeam, () => sendJson(`${url}/instructors/${i.id}`, "DELETE"), `${i.name} no longer teaches this cohort.`);
                    if (ok && self) router.push("/instructor");
                  }}
                >
                  {i.id === me ? "Leave" : "Remove"}
                </button>
              )}
            </li>
          ))}
        </ul>
        <form onSubmit={addInstructor} className="mt-4 flex flex-wrap items-end gap-3">
          <label className="block flex-1 text-sm font-medium">
            Add a co-instructor by email
            <input name="email" type="email" required placeholder="colleague@example.org" className={FIELD} />
          </label>
          <button type="submit" disabled={busy === "add"} className={BUTTON}>Add</button>
        </form>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">They need an instructor account; an admin can make an account an instructor.</p>
        <Message status={team} />
      </Panel>
    </div>
  );
}
