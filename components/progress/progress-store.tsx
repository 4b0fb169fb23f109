"use client";
/**
 * Client view of the learner's lesson progress. Anonymous learners: kept in localStorage.
 * Signed-in learners: read from and written to the server (one write path: /api/progress/*).
 */
import { useSyncExternalStore } from "react";

export type LessonStatus = "not-started" | "in-progress" | "complete";
const KEY = "academy:lessons";
const EVENT = "academy:progress-change";

type LocalLessons = Record<string, { status: "in-progress" | "complete"; section?: string; updatedAt: number; completedAt?: number }>;

function readLocal(): LocalLessons {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "{}") as LocalLessons;
  } catch {
    return {};
  }
}

function writeLocal(next: LocalLessons) {
  localStorage.setItem(KEY, JSON.stringify(next));
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useLessonStatus(slug: string): LessonStatus {
  return useSyncExternalStore(subscribe, () => readLocal()[slug]?.status ?? "not-started", () => "not-started");
}

export function recordLessonVisit(slug: string, section?: string) {
  const all = readLocal();
  const current = all[slug];
  all[slug] = { status: current?.status ?? "in-progress", section: section ?? current?.section, updatedAt: Date.now(), completedAt: current?.completedAt };
  writeLocal(all);
}

export function markLessonComplete(slug: string) {
  const all = readLocal();
  all[slug] = { ...all[slug], status: "complete", updatedAt: Date.now(), completedAt: all[slug]?.completedAt ?? Date.now() };
  writeLocal(all);
}
