"use client";
/** Loads the training page's client code on this route only, in the browser (it needs Workers and IndexedDB). */
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

function LoadingTrainer() {
  return <p className="text-sm text-slate-500">{useTranslations("capstone")("loadingTrainer")}</p>;
}

const TrainingPage = dynamic(() => import("./training-page"), { ssr: false, loading: LoadingTrainer });

export function TrainingLoader() {
  return <TrainingPage />;
}
