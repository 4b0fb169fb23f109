"use client";
/**
 * A live tokenizer: splits what the reader types with a real GPT vocabulary (the
 * gpt-tokenizer package, bundled, so it works offline) and shows each token with visible
 * whitespace and its id, plus a byte and token count of one sentence in English and Chinese.
 *
 * The vocabularies are large (about 0.5 MB for GPT-2's, 1.1 MB for GPT-4's), so each is its
 * own chunk, imported only when this figure has mounted (it mounts near the viewport) and
 * only for the vocabulary the reader picks.
 */
import { useEffect, useMemo, useState } from "react";
import { LabelledControl, focusRing, mutedText } from "./ui";
import { useFigureText } from "./use-figure-text";
import tokenizerEnglish from "./text/en/tokenizer.json";

export interface Vocabulary {
  encode(text: string): number[];
  decode(ids: Iterable<number>): string;
}

export const vocabularies = {
  // Their labels are in components/figures/text/<locale>.json under tokenizer.vocabularies.
  "cl100k_base": { load: () => import("gpt-tokenizer/encoding/cl100k_base") },
  "r50k_base": { load: () => import("gpt-tokenizer/encoding/r50k_base") },
} as const satisfies Record<string, { load: () => Promise<Vocabulary> }>;

export type VocabularyName = keyof typeof vocabularies;

/** The same sentence in both languages, as in the lesson's table. */
export const comparison = [
  { language: "english", text: "Large language models predict the next token." },
  { language: "chinese", text: "大型语言模型预测下一个词元。" },
] as const;

export const initialText = "The cat sat on the mat. 猫坐在垫子上。";

export interface TokenPiece {
  id: number;
  /** What the token shows: its text with spaces as "·", or a note for a partial character. */
  label: string;
  /** True when the token holds only some bytes of a multi-byte character. */
  partial: boolean;
}

/** Makes whitespace visible: a space becomes "·", a newline "⏎", a tab "→". */
export function visibleWhitespace(text: string): string {
  return text.replace(/ /g, "·").replace(/\n/g, "⏎").replace(/\t/g, "→");
}

/** Each token of `text` with a readable label. */
export function tokenPieces(vocabulary: Vocabulary, text: string, bytePiece = "(byte piece)"): TokenPiece[] {
  return vocabulary.encode(text).map((id) => {
    const decoded = vocabulary.decode([id]);
    // A token that is only part of a character's UTF-8 bytes does not decode on its own.
    const partial = decoded === "" || decoded.includes("\uFFFD");
    return { id, label: partial ? bytePiece : visibleWhitespace(decoded), partial };
  });
}

/** The comparison table's number columns, after the text: right-aligned, spaced but for the last. */
const counts = ["bytes", "tokens"] as const;
const countCell = (i: number) => (i < counts.length - 1 ? "pr-4 text-right" : "text-right");

export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export default function Tokenizer() {
  const t = useFigureText("tokenizer", tokenizerEnglish);
  const [name, setName] = useState<VocabularyName>("cl100k_base");
  const [vocabulary, setVocabulary] = useState<{ name: VocabularyName; api: Vocabulary } | null>(null);
  const [failed, setFailed] = useState(false);
  const [text, setText] = useState(initialText);

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    vocabularies[name]
      .load()
      .then((api) => !cancelled && setVocabulary({ name, api }))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [name]);

  const ready = vocabulary?.name === name ? vocabulary.api : null;
  const pieces = useMemo(() => (ready ? tokenPieces(ready, text, t("bytePiece")) : []), [ready, text, t]);
  const rows = useMemo(
    () => [...comparison, { language: "yours", text }].map((row) => ({ ...row, bytes: utf8Length(row.text), tokens: ready ? ready.encode(row.text).length : null })),
    [ready, text],
  );

  return (
    <div className="space-y-4">
      <LabelledControl label={t("input")} className="flex flex-col gap-1">
        {(id) => (
          <textarea
            id={id}
            value={text}
            rows={2}
            maxLength={2000}
            onChange={(e) => setText(e.target.value)}
            className={`w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900 ${focusRing}`}
            data-testid="tokenizer-input"
          />
        )}
      </LabelledControl>
      <LabelledControl label={t("vocabulary")} className="flex flex-wrap items-center gap-2">
        {(id) => (
          <select
            id={id}
            value={name}
            onChange={(e) => setName(e.target.value as VocabularyName)}
            className={`rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900 ${focusRing}`}
          >
            {Object.keys(vocabularies).map((key) => (
              <option key={key} value={key}>
                {t(`vocabularies.${key}`)}
              </option>
            ))}
          </select>
        )}
      </LabelledControl>

      {failed ? (
        <p role="alert">{t("failed")}</p>
      ) : !ready ? (
        <p role="status" className={mutedText}>
          {t("loading")}
        </p>
      ) : (
        <>
          <p aria-live="polite" className="text-sm" data-testid="tokenizer-summary">
            {t(pieces.length === 1 ? "summaryOne" : "summary", { count: pieces.length, bytes: utf8Length(text), chars: Array.from(text).length })}
          </p>
          <ol className="flex flex-wrap gap-1.5" aria-label={t("tokensLabel")} data-testid="tokenizer-tokens">
            {pieces.map((piece, i) => (
              <li
                key={i}
                className={`flex flex-col items-center rounded border px-1.5 py-0.5 ${
                  piece.partial ? "border-dashed border-amber-600 dark:border-amber-400" : "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950"
                }`}
              >
                <span className="whitespace-pre font-mono text-sm">{piece.label}</span>
                <span className={`font-mono text-[11px] tabular-nums ${mutedText}`}>{piece.id}</span>
              </li>
            ))}
          </ol>
          <table className="text-sm" data-testid="tokenizer-comparison">
            <caption className={`text-left ${mutedText}`}>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">{t("text")}</th>
                {counts.map((count, i) => (
                  <th key={count} scope="col" className={countCell(i)}>{t(count)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.language}>
                  <th scope="row" className="max-w-xs truncate pr-4 text-left font-normal">
                    {t(`languages.${row.language}`)}: <span className="font-mono">{row.text}</span>
                  </th>
                  {counts.map((count, i) => (
                    <td key={count} className={`${countCell(i)} tabular-nums`}>{row[count]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
