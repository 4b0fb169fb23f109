/**
 * Saving an exercise's code as the learner types: ~800 ms after they stop, to the account when
 * signed in (PUT /api/exercises/<id>/draft), else to this browser. If the server cannot be reached
 * the code is kept in the browser, so nothing is lost either way; leaving the page with a save
 * still waiting writes it to the browser at once and tries the server with a keepalive request.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { useTranslations } from "next-intl";
import type { SaveDraftResult } from "@/lib/exercises/drafts";
import { EXERCISE_LIMITS, utf8Bytes } from "@/lib/exercises/limits";
import { clearLocalDraftUpTo, writeLocalDraft } from "@/lib/learner-state/exercises";
import { browserStorage as storage } from "@/lib/learner-state/storage";

export const AUTOSAVE_DELAY_MS = 800;

/** The code the editor opens with, and where it came from (lib/learner-state/exercises.ts chooseInitialCode). */
export interface InitialCode {
  code: string;
  from: "starter" | "local" | "server";
  updatedAt: number | null;
}

export type SaveStatus =
  | { kind: "none" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "local" }
  | { kind: "offline" }
  | { kind: "conflict" }
  | { kind: "no-storage" }
  | { kind: "too-large" };

export function saveStatusText(status: SaveStatus, signedIn: boolean, t: ReturnType<typeof useTranslations<"exercise">>): string {
  switch (status.kind) {
    case "none":
      return "";
    case "pending":
    case "saving":
      return t("saving");
    case "saved":
      return t("saved");
    case "local":
      return signedIn ? t("savedLocal") : t("savedLocalAnonymous");
    case "offline":
      return t("savedOffline");
    case "conflict":
      return t("savedConflict");
    case "no-storage":
      return t("noStorage");
    case "too-large":
      return t("tooLarge", { kb: EXERCISE_LIMITS.codeBytes / 1024 });
  }
}

async function putDraft(id: string, code: string, updatedAt: number, keepalive = false): Promise<SaveDraftResult> {
  const response = await fetch(`/api/exercises/${encodeURIComponent(id)}/draft`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code, updatedAt }),
    keepalive,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as SaveDraftResult;
}

export interface DraftAutosave {
  status: SaveStatus;
  /** The latest code the learner has (what the next save sends). */
  codeRef: { readonly current: string };
  /** Records a change and schedules its save; false when the code is what it already was. */
  change(value: string): boolean;
  /** Saves a waiting change now (before a run, so the run and the saved code agree). */
  flush(): void;
}

export function useDraftAutosave(id: string, signedIn: boolean, initial: InitialCode): DraftAutosave {
  const codeRef = useRef(initial.code);
  const typedAtRef = useRef(initial.updatedAt ?? 0);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>(() => {
    if (initial.from === "server") return { kind: "saved" };
    if (initial.from === "local") return signedIn ? { kind: "pending" } : { kind: "local" };
    return { kind: "none" };
  });

  const save = useCallback(
    async (code: string, updatedAt: number) => {
      const store = storage();
      if (utf8Bytes(code) > EXERCISE_LIMITS.codeBytes) {
        setStatus({ kind: "too-large" });
        return;
      }
      if (!signedIn) {
        setStatus(store && writeLocalDraft(store, id, { code, updatedAt }) ? { kind: "local" } : { kind: "no-storage" });
        return;
      }
      setStatus({ kind: "saving" });
      try {
        const result = await putDraft(id, code, updatedAt);
        if (updatedAt !== typedAtRef.current) return; // newer typing is already on its way
        if (result.saved) {
          if (store) clearLocalDraftUpTo(store, id, updatedAt);
          setStatus({ kind: "saved" });
        } else {
          if (store) writeLocalDraft(store, id, { code, updatedAt });
          setStatus({ kind: "conflict" });
        }
      } catch {
        if (store) writeLocalDraft(store, id, { code, updatedAt });
        if (updatedAt === typedAtRef.current) setStatus({ kind: "offline" });
      }
    },
    [id, signedIn],
  );

  const flush = useCallback(() => {
    if (saveTimer.current === undefined) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    void save(codeRef.current, typedAtRef.current);
  }, [save]);

  // Anonymous work brought into a signed-in session goes to the account straight away.
  useEffect(() => {
    if (initial.from === "local" && signedIn) void save(initial.code, initial.updatedAt ?? Date.now());
  }, [initial, signedIn, save]);

  // Leaving the page with a save still waiting: keep it in the browser now, and try the server.
  useEffect(() => {
    const onHide = () => {
      if (saveTimer.current === undefined) return;
      clearTimeout(saveTimer.current);
      saveTimer.current = undefined;
      const store = storage();
      if (store) writeLocalDraft(store, id, { code: codeRef.current, updatedAt: typedAtRef.current });
      if (signedIn) void putDraft(id, codeRef.current, typedAtRef.current, true).catch(() => undefined);
    };
    window.addEventListener("pagehide", onHide);
    const onVisibility = () => document.visibilityState === "hidden" && onHide();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      onHide();
    };
  }, [id, signedIn]);

  const change = useCallback(
    (value: string) => {
      if (value === codeRef.current) return false;
      codeRef.current = value;
      typedAtRef.current = Date.now();
      setStatus({ kind: "pending" });
      if (saveTimer.current !== undefined) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        saveTimer.current = undefined;
        void save(codeRef.current, typedAtRef.current);
      }, AUTOSAVE_DELAY_MS);
      return true;
    },
    [save],
  );

  return { status, codeRef, change, flush };
}
