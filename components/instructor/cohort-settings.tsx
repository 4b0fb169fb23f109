"use client";
import { useRouter } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { sendJson } from "./send-json";
import { useApiError } from "./use-api-error";
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
  const t = useTranslations("instructor");
  const apiError = useApiError("instructor");
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
    if (!result.ok) return set({ kind: "error", text: apiError(result) }), false;
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
      t("settings.saved"),
    );
  }

  async function addInstructor(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const email = String(new FormData(formElement).get("email") ?? "");
    if (await run("add", setTeam, () => sendJson(`${url}/instructors`, "POST", { email }), t("settings.added", { email }))) formElement.reset();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="cohort-settings">
      <Panel id="details-heading" title={t("settings.details")}>
        <form onSubmit={saveDetails} className="space-y-4">
          <label className="block text-sm font-medium">
            {t("form.name")}
            <input name="name" required maxLength={120} defaultValue={cohort.name} className={FIELD} />
          </label>
          <label className="block text-sm font-medium">
            {t("form.description")}
            <textarea name="description" maxLength={2000} rows={3} defaultValue={cohort.description} className={FIELD} />
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            <label className="block text-sm font-medium">
              {t("form.starts")}
              <input name="startsAt" type="date" required defaultValue={cohort.startsAt} className={FIELD} />
            </label>
            <label className="block text-sm font-medium">
              {t("form.ends")} <span className="font-normal text-slate-500 dark:text-slate-400">{t("form.optional")}</span>
              <input name="endsAt" type="date" defaultValue={cohort.endsAt ?? ""} className={FIELD} />
            </label>
          </div>
          <button type="submit" disabled={busy === "details"} className={BUTTON}>{busy === "details" ? t("form.saving") : t("settings.saveDetails")}</button>
        </form>
        <Message status={details} />
      </Panel>

      <Panel id="joining-heading" title={t("settings.joining")}>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t.rich("settings.joiningState", {
            state: cohort.joinOpen ? t("settings.open") : t("settings.closed"),
            joinCode: cohort.joinCodeDisplay,
            strong: (chunks) => <strong data-testid="joining-state">{chunks}</strong>,
            mono: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </p>
        <div className="mt-3 flex flex-wrap gap-3">
          <button
            type="button"
            disabled={busy === "toggle"}
            className={BUTTON_QUIET}
            onClick={() =>
              run("toggle", setJoining, () => sendJson(url, "PATCH", { joinOpen: !cohort.joinOpen }), cohort.joinOpen ? t("settings.nowClosed") : t("settings.nowOpen"))
            }
          >
            {cohort.joinOpen ? t("settings.close") : t("settings.openJoining")}
          </button>
          <button
            type="button"
            disabled={busy === "rotate"}
            className={BUTTON_QUIET}
            onClick={() => {
              if (!window.confirm(t("settings.rotateConfirm"))) return;
              void run("rotate", setJoining, () => sendJson(`${url}/join-code`, "POST", {}), t("settings.rotated"));
            }}
          >
            {t("settings.rotate")}
          </button>
        </div>
        <Message status={joining} />
      </Panel>

      <Panel id="team-heading" title={t("settings.instructors")}>
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {cohort.instructors.map((i) => (
            <li key={i.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                {i.name} <span className="text-slate-500 dark:text-slate-400">{i.email}</span>
                {i.id === me && <span className="text-slate-500 dark:text-slate-400">{t("settings.you")}</span>}
              </span>
              {cohort.instructors.length > 1 && (
                <button
                  type="button"
                  className={BUTTON_DANGER}
                  disabled={busy === `remove:${i.id}`}
                  onClick={async () => {
                    const self = i.id === me;
                    if (!window.confirm(self ? t("settings.leaveConfirm") : t("settings.removeConfirm", { name: i.name }))) return;
                    const ok = await run(`remove:${i.id}`, setTeam, () => sendJson(`${url}/instructors/${i.id}`, "DELETE"), t("settings.removed", { name: i.name }));
                    if (ok && self) router.push("/instructor");
                  }}
                >
                  {i.id === me ? t("settings.leave") : t("settings.remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
        <form onSubmit={addInstructor} className="mt-4 flex flex-wrap items-end gap-3">
          <label className="block flex-1 text-sm font-medium">
            {t("settings.addLabel")}
            <input name="email" type="email" required placeholder={t("settings.emailPlaceholder")} className={FIELD} />
          </label>
          <button type="submit" disabled={busy === "add"} className={BUTTON}>{t("settings.add")}</button>
        </form>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("settings.addNote")}</p>
        <Message status={team} />
      </Panel>
    </div>
  );
}
