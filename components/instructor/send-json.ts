/** Browser-side calls to the cohort APIs: JSON in, JSON out, the server's message on failure. */
export type SendResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string };

export async function sendJson<T = unknown>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) return { ok: false, status: response.status, error: data.error ?? `The server answered ${response.status}. Try again.` };
    return { ok: true, status: response.status, data };
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached. Check your connection and try again." };
  }
}
