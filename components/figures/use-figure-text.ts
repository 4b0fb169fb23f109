/**
 * `useFigureText("tokenizer", tokenizerEnglish)` gives `t("key.path", { name: value })` for one
 * figure, like next-intl's `useTranslations("figures.tokenizer")`: the string from the provider's
 * locale, else the English one, with `{name}` placeholders filled. Each figure passes its own
 * English (components/figures/text/en/<figure>.json), so that its chunk carries no other
 * figure's words (decision 042).
 */
import { useContext, useMemo } from "react";
import type { english } from "@/components/figures/text/en";
import { formatFigureText } from "./figure-format";
import { FigureTextContext, type FigureMessageTree } from "./figure-text";

export type FigureTextNamespace = keyof typeof english;
export interface FigureText {
  (key: string, params?: Record<string, string | number>): string;
  /** Structured text (a list of stages, say), like next-intl's `t.raw`: the locale's, else the English. */
  raw<T>(key: string): T;
}

function lookupNode(tree: FigureMessageTree | string | undefined, key: string): FigureMessageTree | string | undefined {
  let node: FigureMessageTree | string | undefined = tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return node;
}

function lookup(tree: FigureMessageTree | string | undefined, key: string): string | undefined {
  const node = lookupNode(tree, key);
  return typeof node === "string" ? node : undefined;
}


/** The text of one figure, outside React (tests, the server-rendered caption). */
export function figureText(namespace: FigureTextNamespace, english: object, messages?: FigureMessageTree): FigureText {
  const own = messages?.[namespace];
  const fallback = english as FigureMessageTree;
  const mine = typeof own === "object" ? own : undefined;
  const t = (key: string, params?: Record<string, string | number>) => {
    const template = lookup(mine, key) ?? lookup(fallback, key);
    // A missing key shows itself, so a typo is visible in the page and fails the tests.
    return template === undefined ? `${namespace}.${key}` : formatFigureText(template, params);
  };
  const raw = <T,>(key: string): T => {
    const value = lookupNode(mine, key) ?? lookupNode(fallback, key);
    if (value === undefined) throw new Error(`No figure text "${namespace}.${key}"`);
    return value as T;
  };
  return Object.assign(t, { raw });
}

export function useFigureText(namespace: FigureTextNamespace, english: object): FigureText {
  const { messages } = useContext(FigureTextContext);
  return useMemo(() => figureText(namespace, english, messages), [namespace, english, messages]);
}
