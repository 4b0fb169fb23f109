"use client";
/**
 * An exercise once "Open the editor" is clicked: the editor's box at once, with the learner's code
 * in a plain text area (plain-code-view.tsx), and the workspace (buttons, saving, running; then
 * Monaco, which takes over the box) as soon as its code has arrived.
 *
 * The box belongs to this component, not to the workspace, so that the text area stays the same
 * element (with its text, cursor and focus) while the workspace loads; the workspace renders
 * Monaco into the box through a portal.
 */
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { chooseInitialCode, readLocalDraft, writeLocalDraft } from "@/lib/learner-state/exercises";
import { browserStorage } from "@/lib/learner-state/storage";
import type { ExerciseWorkspaceProps } from "./exercise-workspace";
import { PlainCodeView, StandInEditor } from "./plain-code-view";

// React.lazy rather than next/dynamic: the same code split without next/dynamic's runtime on every
// lesson page (the page budget is tight). The workspace only ever renders in the browser, after a click.
const ExerciseWorkspace = lazy(() => import("./exercise-workspace").catch(() => ({ default: EditorUnavailable })));

function EditorUnavailable() {
  const t = useTranslations("exercise");
  return (
    <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-300">
      {t("editorUnavailable")}
    </p>
  );
}

export type OpenExerciseProps = Omit<ExerciseWorkspaceProps, "initial" | "standIn" | "editorHost" | "keysId">;

export function OpenExercise(props: OpenExerciseProps) {
  const { id } = props;
  const uid = useId();
  const t = useTranslations("exercise");
  // The code to start from: the newest of this browser's copy and the account's copy.
  const [initial] = useState(() => {
    const store = browserStorage();
    return chooseInitialCode(props.starter, store ? readLocalDraft(store, id) : null, props.serverState?.draft ?? null);
  });
  const [standIn] = useState(() => new StandInEditor(initial.code));
  const [standInShown, setStandInShown] = useState(true);
  const [editorHost, setEditorHost] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    standIn.whenRetired(() => setStandInShown(false));
    // Typed before the workspace (and its autosave) arrived, and the page is left or the workspace
    // never loads: keep the code in this browser (the next visit opens with it).
    const keep = () => {
      const store = browserStorage();
      const code = standIn.getValue();
      if (!standIn.listeners && !standIn.retired && code !== initial.code && store) writeLocalDraft(store, id, { code, updatedAt: Date.now() });
    };
    window.addEventListener("pagehide", keep);
    return () => window.removeEventListener("pagehide", keep);
  }, [id, initial, standIn]);

  return (
    <div className="mt-4" data-testid="exercise-workspace">
      <p id={`${uid}-keys`} className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {t("keys")}
      </p>
      <div className="relative h-[26rem] overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        <div ref={setEditorHost} className="absolute inset-0" />
        {standInShown && <PlainCodeView standIn={standIn} label={t("editorLabel", { title: props.title })} />}
      </div>
      <Suspense fallback={<div className="mt-3 h-9" />}>
        <ExerciseWorkspace {...props} initial={initial} standIn={standIn} editorHost={editorHost} keysId={`${uid}-keys`} />
      </Suspense>
    </div>
  );
}
