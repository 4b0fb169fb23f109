"use client";
/**
 * An exercise once "Open the editor" is clicked: the editor's box at once, with the learner's code
 * in a plain text area (plain-code-view.tsx), and the workspace (buttons, saving, running; then
 * Monaco, which takes over the box) as soon as its code has arrived.
 *
 * The box belongs to this component, not to the workspace, so that the text area stays the same
 * element (with its text, cursor and focus) while the workspace loads; the workspace renders
 * Monaco into the box through a portal.
 *
 * The text area does not wait for the session or the account's saved code either (a click while
 * they load used to show "loading" and drop the keys typed meanwhile): it opens with this
 * browser's copy, and the workspace, which saves, starts once it is known whose code this is. If the
 * account then has a newer copy, it replaces the text only if the learner has not typed yet.
 *
 * This module is in the card's own code (not behind the island), and worded through props: the
 * box and the text area must be there on the click, before any lazily loaded code has arrived.
 */
import { lazy, Suspense, useEffect, useId, useLayoutEffect, useState } from "react";
import type { IslandMessages } from "@/components/layout/with-messages";
import { chooseInitialCode, readLocalDraft, writeLocalDraft } from "@/lib/learner-state/exercises";
import { browserStorage } from "@/lib/learner-state/storage";
import type { ExerciseWorkspaceProps } from "./exercise-workspace";
import type { InitialCode } from "./use-draft-autosave";
import { PlainCodeView, StandInEditor } from "./plain-code-view";
import { afterNextPaint } from "@/components/ui/after-next-paint";

// React.lazy rather than next/dynamic: the same code split without next/dynamic's runtime on every
// lesson page (the page budget is tight). The workspace only ever renders in the browser, after a
// click; it comes with next-intl and the exercise's messages (exercise-island.tsx).
const WorkspaceIsland = lazy(() =>
  import("./exercise-island")
    .then((m) => ({ default: m.WorkspaceIsland }))
    .catch(() => ({ default: ({ unavailable }: { unavailable: string }) => <EditorUnavailable text={unavailable} /> })),
);

function EditorUnavailable({ text }: { text: string }) {
  return (
    <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-300">
      {text}
    </p>
  );
}

/** The open exercise's own words, worded on the server (exercise-slot.tsx). */
export interface OpenExerciseWords {
  keys: string;
  editorLabel: string;
  loadingSaved: string;
  editorUnavailable: string;
}

/** Where the workspace's buttons go, holding their height so nothing below jumps when they arrive. */
const buttonsPlaceholder = <div className="mt-3 h-9" />;

export type OpenExerciseProps = Omit<ExerciseWorkspaceProps, "initial" | "standIn" | "editorHost" | "keysId"> & {
  /** The session, or a signed-in learner's saved code, is still on its way. */
  accountPending: boolean;
  words: OpenExerciseWords;
  intl: IslandMessages;
};

/** The code to start from: the newest of this browser's copy and the account's copy. */
function initialCode(props: OpenExerciseProps): InitialCode {
  const store = browserStorage();
  return chooseInitialCode(props.starter, store ? readLocalDraft(store, props.id) : null, props.serverState?.draft ?? null);
}

export function OpenExercise(props: OpenExerciseProps) {
  const { id, accountPending, words, intl, ...workspaceProps } = props;
  const uid = useId();
  // What the text area opens with, at once.
  const [opening] = useState(() => initialCode(props));
  const [standIn] = useState(() => new StandInEditor(opening.code));
  // What the workspace starts from: known once the account has answered (null until then).
  const [initial, setInitial] = useState<InitialCode | null>(() => (accountPending ? null : opening));
  const [standInShown, setStandInShown] = useState(true);
  const [editorHost, setEditorHost] = useState<HTMLDivElement | null>(null);
  // The workspace (and the code it loads) waits for the text area's first frame, so that frame
  // holds nothing else: the learner can read and type the code first (issue #16: <= 100 ms).
  const [firstFrameDrawn, setFirstFrameDrawn] = useState(false);
  useEffect(() => afterNextPaint(() => setFirstFrameDrawn(true)), []);

  // Chosen during render (not in an effect), so the workspace mounts with it in the same commit.
  if (!accountPending && !initial) setInitial(initialCode(props));
  // A layout effect, so it runs before the workspace's effects read the text area: the account's
  // newer copy is shown only if nothing was typed yet (the learner's keystrokes win).
  useLayoutEffect(() => {
    if (initial && initial.code !== opening.code && standIn.getValue() === opening.code) standIn.setText(initial.code);
  }, [initial, opening, standIn]);

  useEffect(() => {
    standIn.whenRetired(() => setStandInShown(false));
    // Typed before the workspace (and its autosave) arrived, and the page is left or the workspace
    // never loads: keep the code in this browser (the next visit opens with it).
    const keep = () => {
      const store = browserStorage();
      const code = standIn.getValue();
      if (!standIn.listeners && !standIn.retired && code !== opening.code && store) writeLocalDraft(store, id, { code, updatedAt: Date.now() });
    };
    window.addEventListener("pagehide", keep);
    return () => window.removeEventListener("pagehide", keep);
  }, [id, opening, standIn]);

  return (
    <div className="mt-4" data-testid="exercise-workspace">
      <p id={`${uid}-keys`} className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {words.keys}
      </p>
      <div className="relative h-[26rem] overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        <div ref={setEditorHost} className="absolute inset-0" />
        {standInShown && <PlainCodeView standIn={standIn} label={words.editorLabel} />}
      </div>
      <Suspense fallback={buttonsPlaceholder}>
        {!firstFrameDrawn ? (
          buttonsPlaceholder
        ) : initial ? (
          <WorkspaceIsland
            {...workspaceProps}
            intl={intl}
            unavailable={words.editorUnavailable}
            id={id}
            initial={initial}
            standIn={standIn}
            editorHost={editorHost}
            keysId={`${uid}-keys`}
          />
        ) : (
          // Below the editor, in the buttons' place: a note above it would move the code when it goes.
          <p className="mt-3 h-9 text-sm text-slate-500 dark:text-slate-400">{words.loadingSaved}</p>
        )}
      </Suspense>
    </div>
  );
}
