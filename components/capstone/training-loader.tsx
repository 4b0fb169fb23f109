"use client";
/** Loads the training page's client code on this route only, in the browser (it needs Workers and IndexedDB). */
import dynamic from "next/dynamic";

const TrainingPage = dynamic(() => import("./training-page"), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the trainer…</p>,
});

export function TrainingLoader() {
  return <TrainingPage />;
}
