"use client";
import { useSyncExternalStore } from "react";

export type Track = "CONCEPT" | "BUILDER";
const KEY = "academy:track";
const EVENT = "academy:track-change";

function read(): Track {
  try {
    return localStorage.getItem(KEY) === "CONCEPT" ? "CONCEPT" : "BUILDER";
  } catch {
    return "BUILDER";
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The learner's track as this browser knows it (kept in step with the account by the progress store). */
export function useTrack(): Track {
  return useSyncExternalStore(subscribe, read, () => "BUILDER");
}

export function setLocalTrack(track: Track) {
  localStorage.setItem(KEY, track);
  window.dispatchEvent(new Event(EVENT));
}
