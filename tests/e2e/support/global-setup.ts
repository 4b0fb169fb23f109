import { baseUrl, startProductionServer, waitForHttp } from "./server";

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) {
    await waitForHttp(process.env.E2E_BASE_URL, 60_000);
    return;
  }
  const port = Number(process.env.E2E_PORT ?? 3100);
  const child = startProductionServer(port);
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  (globalThis as { __E2E_SERVER__?: typeof child }).__E2E_SERVER__ = child;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 120_000, child);
  } catch (error) {
    console.error(log);
    throw error;
  }
  process.env.E2E_BASE_URL = baseUrl();
}
