"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatDay } from "./format";
import { failure, sendJson, type SendFailure } from "./send-json";
import { useApiError } from "./use-api-error";
import { ERROR_BOX, FIELD, OK_BOX } from "./ui";
import { DataTable, TABLE_FRAME, TableHead } from "@/components/ui/data-table";

type Role = "LEARNER" | "INSTRUCTOR" | "ADMIN";
export interface UserItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}

const ROLES: Role[] = ["LEARNER", "INSTRUCTOR", "ADMIN"];

/** Search accounts and change their role. The server refuses a change that would leave no admin. */
export function RoleManager({ initial, total, me }: { initial: UserItem[]; total: number; me: string }) {
  const [users, setUsers] = useState(initial);
  const [count, setCount] = useState(total);
  const [query, setQuery] = useState("");
  const t = useTranslations("admin.roles");
  const locale = useLocale();
  const apiError = useApiError("admin");
  // A failure is kept as the server sent it and worded when shown (in the page's language).
  const [status, setStatus] = useState<{ kind: "ok"; text: string } | { kind: "error"; failure: SendFailure } | null>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/users?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        const body = (await response.json()) as { users?: UserItem[]; total?: number; error?: string; code?: string };
        if (!response.ok) return setStatus({ kind: "error", failure: failure(response.status, { ...body, error: body.error ?? "Could not search." }) });
        setUsers(body.users ?? []);
        setCount(body.total ?? 0);
      } catch {
        // Aborted by a newer search, or offline: the list stays as it was.
      }
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [query]);

  async function change(user: UserItem, role: Role) {
    setStatus(null);
    if (user.id === me && role !== "ADMIN" && !window.confirm(t("giveUpConfirm"))) return;
    const result = await sendJson<{ user: UserItem }>(`/api/admin/users/${user.id}`, "PATCH", { role });
    if (!result.ok) return setStatus({ kind: "error", failure: result });
    setUsers((list) => list.map((u) => (u.id === user.id ? { ...u, role: result.data.user.role } : u)));
    setStatus({ kind: "ok", text: t("changed", { name: user.name, role: t(result.data.user.role).toLocaleLowerCase(locale) }) });
  }

  return (
    <div data-testid="role-manager">
      <label className="block text-sm font-medium">
        {t("find")}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("placeholder")} className={`${FIELD} max-w-sm`} />
      </label>
      {status && (
        <p role={status.kind === "error" ? "alert" : "status"} className={`mt-3 ${status.kind === "error" ? ERROR_BOX : OK_BOX}`}>
          {status.kind === "error" ? apiError(status.failure) : status.text}
        </p>
      )}
      <DataTable frame={TABLE_FRAME} className="w-full min-w-[640px] text-sm" caption={t("caption")}>
        <TableHead
          className="bg-slate-50 text-left dark:bg-slate-900"
          cell="px-3 py-2 font-medium"
          columns={[{ label: t("account") }, { label: t("since") }, { label: t("role"), className: "w-44" }]}
        />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" data-email={u.email}>
              <td className="px-3 py-2">
                <span className="font-medium">{u.name}</span>
                {u.id === me && <span className="text-slate-500 dark:text-slate-400">{t("you")}</span>}
                <span className="block text-xs text-slate-500 dark:text-slate-400">{u.email}</span>
              </td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-300">{formatDay(u.createdAt, locale)}</td>
              <td className="px-3 py-2">
                <select aria-label={t("roleOf", { name: u.name })} value={u.role} onChange={(e) => change(u, e.target.value as Role)} className={`${FIELD} mt-0`}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>{t(r)}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
        {count > users.length ? t("showing", { shown: users.length, count }) : t("count", { count })}
      </p>
    </div>
  );
}
