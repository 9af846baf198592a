import { describe, expect, it } from "vitest";
import type { Handler } from "@/tests/authorization/api-routes";
import { databaseSnapshot } from "@/tests/authorization/db-snapshot";
import { bearer, sendPrepared, type Prepared } from "@/tests/authorization/route-request";

// Issue 11's bad-input sweep for REST routes: every free-text field of a
// route gets lone surrogates, every name-like field bidi-control and
// zero-width characters, every body prototype-member keys and a size over
// the 5 MB limit. Each is a clear 4xx naming the field where the schema has
// one, and no table changes. Each call starts from a valid body (checked
// first), so only the bad part can be the reason.

export interface SweptEndpoint {
  name: string;
  handler: Handler;
  method: string;
  /** A valid call: a fresh target and fresh unique values each time. */
  valid: () => Promise<Prepared & { body: Record<string, unknown> }>;
  /** Free-text fields: lone surrogates. */
  texts: string[];
  /** Names (and grammar fields): bidi-control and zero-width characters. */
  names: string[];
  /** The words the error under a field must contain for a lone surrogate, when not "broken character" (a grammar's own message). */
  surrogateMessages?: Record<string, string>;
}

/** Puts `bad` inside a valid value, where every other rule of the field stays satisfied. */
export function insertInto(field: string, value: unknown, bad: string): string {
  const text = String(value);
  const at = text.includes("@") ? text.indexOf("@") : text.includes("/") ? text.indexOf("/") : 2;
  return text.slice(0, at) + bad + text.slice(at);
}

export const SURROGATES = [["a lone high surrogate", "\uD800"], ["a lone low surrogate", "\uDFFF"]];
export const HIDDEN = [
  ["a right-to-left override", "\u202E"], ["a left-to-right isolate", "\u2066"], ["a zero-width space", "\u200B"],
  ["a zero-width joiner", "\u200D"], ["a byte-order mark", "\uFEFF"],
];
export const PROTOTYPE_KEYS = ["toString", "constructor", "__proto__", "valueOf", "hasOwnProperty"];

export function describeBadInputSweep(endpoints: SweptEndpoint[], token: () => string): void {
  async function expectRefused(e: SweptEndpoint, prepared: Prepared, status: number, field?: string, says?: string) {
    const before = await databaseSnapshot();
    const reply = await sendPrepared(e.handler, e.method, prepared, bearer(token()));
    expect(reply.status, reply.text.slice(0, 300)).toBe(status);
    const error = reply.json().error;
    expect(error.message).toBeTruthy();
    if (field) expect(error.details?.[field], reply.text.slice(0, 300)).toEqual(expect.arrayContaining([expect.any(String)]));
    if (field && says) expect(error.details[field].join(" ")).toContain(says);
    expect(await databaseSnapshot(), "a refused call changed the database").toBe(before);
  }

  describe.each(endpoints)("$name", (e) => {
    const withValue = async (field: string, bad: string) => {
      const prepared = await e.valid();
      // JSON.stringify writes a lone surrogate as a \u escape, as a client's JSON carries it.
      return { ...prepared, body: { ...prepared.body, [field]: insertInto(field, prepared.body[field], bad) } };
    };

    it("accepts the valid body the sweep starts from", async () => {
      const reply = await sendPrepared(e.handler, e.method, await e.valid(), bearer(token()));
      expect(reply.status, reply.text).toBeLessThan(300);
    });

    describe.each(e.texts)("field %s", (field) => {
      it.each(SURROGATES)("422 for %s", async (_, bad) => {
        await expectRefused(e, await withValue(field, bad), 422, field, e.surrogateMessages?.[field] ?? "broken character");
      });
    });

    describe.each(e.names)("name-like field %s", (field) => {
      it.each(HIDDEN)("422 for %s", async (_, bad) => {
        await expectRefused(e, await withValue(field, bad), 422, field);
      });
    });

    it.each(PROTOTYPE_KEYS)("422 for an unknown key %s (as JSON text: a JS literal would set a prototype)", async (key) => {
      const prepared = await e.valid();
      const json = JSON.stringify(prepared.body);
      await expectRefused(e, { ...prepared, body: `${json.slice(0, -1)},${JSON.stringify(key)}:{"role":"admin"}}` }, 422, key);
    });

    it("413 for a body over 5 MB", async () => {
      const prepared = await e.valid();
      await expectRefused(e, { ...prepared, body: { ...prepared.body, [e.texts[0]]: "x".repeat(5 * 1024 * 1024 + 1) } }, 413);
    });
  });
}
