/** Browser-side calls to the cohort APIs: JSON in, JSON out, the server's message on failure. */
export interface SendFailure {
  ok: false;
  status: number;
  /** The server's English sentence (or this module's, for no answer at all). */
  error: string;
  /** Which message it is, for pages in other languages (lib/http/errors.ts, decision 036). */
  code?: string;
  values?: Record<string, string | number>;
  /** The fields a 422 names (zod issue paths). */
  fields?: string[];
}
export type SendResult<T> = { ok: true; status: number; data: T } | SendFailure;

interface ErrorBody {
  error?: string;
  code?: string;
  values?: Record<string, string | number>;
  issues?: { path?: unknown[] }[];
}

export async function sendJson<T = unknown>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json().catch(() => ({}))) as T & ErrorBody;
    if (!response.ok) return failure(response.status, data);
    return { ok: true, status: response.status, data };
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached. Check your connection and try again." };
  }
}

/** A failed answer's parts (also for a plain `fetch`, as the role manager's search does). */
export function failure(status: number, data: ErrorBody): SendFailure {
  const fields = data.issues?.map((issue) => String(issue.path?.[0] ?? "")).filter(Boolean);
  return { ok: false, status, error: data.error ?? `The server answered ${status}. Try again.`, code: data.code, values: data.values, fields };
}
