"use client";
/**
 * The page's side of the training worker: the latest RunView, and requests that expect an answer
 * (a failed one throws a TrainerRequestError carrying the problem).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { AttentionMaps, PageToWorker, RunProblem, RunView, WorkerToPage } from "@/lib/capstone/worker/protocol";
import { createTrainWorker } from "@/lib/capstone/worker/create-train-worker";
import { TrainerRequestError } from "./problem-text";

type Pending = { resolve: (message: WorkerToPage) => void };

export interface Trainer {
  /** undefined until the worker has looked for a saved run. */
  run: RunView | null | undefined;
  error: RunProblem | null;
  send(message: PageToWorker): void;
  generate(request: Omit<Extract<PageToWorker, { type: "generate" }>, "type" | "requestId">): Promise<string>;
  attention(text: string): Promise<AttentionMaps>;
}

export function useTrainer(): Trainer {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(1);
  const [run, setRun] = useState<RunView | null | undefined>(undefined);
  const [error, setError] = useState<RunProblem | null>(null);

  useEffect(() => {
    const w = createTrainWorker();
    worker.current = w;
    const waiting = pending.current;
    w.onmessage = (event: MessageEvent<WorkerToPage>) => {
      const message = event.data;
      if (message.type === "run") setRun(message.run);
      else if ("requestId" in message && message.requestId !== undefined && waiting.has(message.requestId)) {
        waiting.get(message.requestId)!.resolve(message);
        waiting.delete(message.requestId);
      } else if (message.type === "failed") setError(message.problem ?? { message: message.message });
    };
    w.onerror = () => setError({ message: "The training worker stopped unexpectedly. Reload the page to continue from the last save.", says: { code: "workerStopped" } });
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const send = useCallback((message: PageToWorker) => {
    setError(null);
    worker.current?.postMessage(message);
  }, []);

  const ask = useCallback((build: (requestId: number) => PageToWorker): Promise<WorkerToPage> => {
    const requestId = nextId.current++;
    return new Promise((resolve) => {
      pending.current.set(requestId, { resolve });
      worker.current?.postMessage(build(requestId));
    });
  }, []);

  const generate = useCallback<Trainer["generate"]>(
    async (request) => {
      const answer = await ask((requestId) => ({ type: "generate", requestId, ...request }));
      if (answer.type === "generated") return answer.text;
      throw failure(answer);
    },
    [ask],
  );

  const attention = useCallback<Trainer["attention"]>(
    async (text) => {
      const answer = await ask((requestId) => ({ type: "attention", requestId, text }));
      if (answer.type === "attention") return answer.maps;
      throw failure(answer);
    },
    [ask],
  );

  return { run, error, send, generate, attention };
}

const NO_ANSWER: RunProblem = { message: "No answer from the trainer.", says: { code: "noAnswer" } };

function failure(answer: WorkerToPage): TrainerRequestError {
  return new TrainerRequestError(answer.type === "failed" ? (answer.problem ?? { message: answer.message }) : NO_ANSWER);
}
