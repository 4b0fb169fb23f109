/**
 * Signing in and out over plain HTTP, the way next-auth's own client does (CSRF token, then the
 * credentials callback with `json=true`), for end-to-end tests and benches that need a session
 * cookie without a browser.
 */
export interface HttpSession {
  /** The Cookie header to send (session token and CSRF cookie). */
  cookie: string;
  /** next-auth's `error` for a refused sign-in (our message, e.g. the rate limit), else null. */
  error: string | null;
  /** Where next-auth would send the browser next. */
  url: string;
  setCookies: string[];
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

export async function signInOverHttp(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<HttpSession> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  const setCookies = response.headers.getSetCookie();
  return { cookie: [...csrfCookies, ...cookiesOf(response)].join("; "), error: new URL(url).searchParams.get("error"), url, setCookies };
}

export async function signOutOverHttp(base: string, session: HttpSession): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: session.cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  if (response.status >= 400) throw new Error(`sign-out answered ${response.status}`);
}

export async function signUpOverHttp(base: string, name: string, email: string, password: string): Promise<void> {
  const response = await fetch(`${base}/api/account`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, email, password }) });
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
}
