import { describe, expect, it } from "@jest/globals";
import { z } from "zod";
import { HttpError } from "./errors";
import { checkWriteRequest, csvResponse, pathId, privateJson, readJsonBody, route } from "./route";

const post = (body: string | undefined, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers });
const json = { "content-type": "application/json" };

async function statusOf(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof HttpError ? error.status : -1;
  }
}

describe("readJsonBody", () => {
  it("parses a JSON body declared as JSON (with or without a charset)", async () => {
    expect(await readJsonBody(post('{"a":1}', json))).toEqual({ a: 1 });
    expect(await readJsonBody(post("[2]", { "content-type": "application/json; charset=utf-8" }))).toEqual([2]);
  });

  it("refuses a form post, plain text and an undeclared body with 415", async () => {
    expect(await statusOf(readJsonBody(post("a=1", { "content-type": "application/x-www-form-urlencoded" })))).toBe(415);
    expect(await statusOf(readJsonBody(post("{}", { "content-type": "text/plain" })))).toBe(415);
    expect(await statusOf(readJsonBody(new Request("http://localhost/", { method: "POST" })))).toBe(415);
  });

  it("answers unreadable JSON with 400 and a body over the limit with 413 (declared or not)", async () => {
    expect(await statusOf(readJsonBody(post("{", json)))).toBe(400);
    expect(await statusOf(readJsonBody(post(JSON.stringify({ s: "x".repeat(2000) }), json), 1024))).toBe(413);
    const lying = post(JSON.stringify({ s: "é".repeat(600) }), { ...json, "content-length": "10" });
    expect(await statusOf(readJsonBody(lying, 1024))).toBe(413);
  });
});

describe("checkWriteRequest (bodyless writes)", () => {
  it("lets a write with no body through and refuses a non-JSON body type", () => {
    expect(() => checkWriteRequest(new Request("http://localhost/", { method: "DELETE" }))).not.toThrow();
    expect(() => checkWriteRequest(post("a=1", { "content-type": "multipart/form-data; boundary=x" }))).toThrow(HttpError);
  });
});

describe("route", () => {
  it("turns HttpError, ZodError and anything else into JSON answers that are never cached", async () => {
    const failing = (error: unknown) => route(async () => Promise.reject(error))();
    const gone = await failing(new HttpError(410, "It is gone."));
    expect(gone.status).toBe(410);
    expect(await gone.json()).toEqual({ error: "It is gone." });
    expect(gone.headers.get("cache-control")).toBe("private, no-store");

    const invalid = await failing(z.object({ name: z.string({ message: "give a name" }) }).safeParse({}).error);
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: string }).error).toBe("name: give a name");

    const original = console.error;
    console.error = () => {};
    try {
      const broken = await failing(new Error("database on fire"));
      expect(broken.status).toBe(500);
      expect(JSON.stringify(await broken.json())).not.toContain("fire");
    } finally {
      console.error = original;
    }
  });
});

describe("route on writes", () => {
  it("refuses a foreign Origin and a form body before the handler runs", async () => {
    let ran = false;
    const handler = route(async (_request: Request) => {
      ran = true;
      return privateJson({ ok: true });
    });
    const foreign = await handler(post("{}", { ...json, origin: "http://localhost:4000" }));
    expect(foreign.status).toBe(403);
    const form = await handler(post("a=1", { "content-type": "application/x-www-form-urlencoded" }));
    expect(form.status).toBe(415);
    expect(ran).toBe(false);
    expect((await handler(post("{}", { ...json, origin: "http://localhost" }))).status).toBe(200);
  });

  it("logs a client that aborts while sending its body as an abort, not a 500", async () => {
    const abort = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code": "'));
        setTimeout(() => {
          abort.abort();
          controller.error(new Error("socket hang up"));
        }, 5);
      },
    });
    const request = new Request("http://localhost/api/x", { method: "POST", body, headers: json, signal: abort.signal, duplex: "half" } as RequestInit);
    const warnings: string[] = [];
    const errors: unknown[] = [];
    const [warn, error] = [console.warn, console.error];
    console.warn = (message: string) => warnings.push(message);
    console.error = (e: unknown) => errors.push(e);
    try {
      const answer = await route(async (r: Request) => privateJson(await readJsonBody(r)))(request);
      expect(answer.status).toBe(499);
    } finally {
      [console.warn, console.error] = [warn, error];
    }
    expect(warnings).toEqual(["[http] client aborted POST /api/x"]);
    expect(errors).toEqual([]);
  });
});

describe("answers", () => {
  it("privateJson and csvResponse are private; a CSV file name cannot break its header", async () => {
    const answer = privateJson({ ok: true }, 201);
    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    const csv = csvResponse('roster "a"\r\n.csv', "\ufeffa,b\n");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="roster__a___.csv"');
    expect(csv.headers.get("cache-control")).toBe("private, no-store");
  });

  it("pathId keeps ids and turns anything else into a 404 naming the thing", () => {
    expect(pathId("ck_123-x", "cohort")).toBe("ck_123-x");
    expect(() => pathId("../etc", "cohort")).toThrow("There is no such cohort.");
  });
});
