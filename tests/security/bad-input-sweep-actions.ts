import { describe, expect, it } from "vitest";
import { databaseSnapshot } from "@/tests/authorization/db-snapshot";
import { HIDDEN, insertInto, PROTOTYPE_KEYS, SURROGATES } from "@/tests/security/bad-input-sweep";

// The bad-input sweep (tests/security/bad-input-sweep.ts) for server
// actions, which can be POSTed directly with any arguments: the same bad
// values, a value of more than 5 MB instead of a body (Next caps an
// action's body before it runs; the schema must refuse the value anyway),
// and prototype-member keys as own properties, as the decoded arguments
// have them. Each is validation_error with an error under the field and a
// plain-object result (React sends it back to the browser), and no table
// changes. The test file signs a caller in first.

type Result = { ok: boolean; code?: string; fieldErrors?: Record<string, string[]>; details?: unknown };

export interface SweptForm {
  name: string;
  /** A valid call: the input (and any leading arguments, such as the target's id). */
  valid: () => Promise<{ lead: unknown[]; input: Record<string, unknown> }>;
  run: (...args: any[]) => Promise<Result>;
  texts: string[];
  names: string[];
  /** The words the error under a field must contain for a lone surrogate, when not "broken character". */
  surrogateMessages?: Record<string, string>;
}

export function describeActionBadInputSweep(forms: SweptForm[]): void {
  const surrogateMessage = (f: SweptForm, field: string) => f.surrogateMessages?.[field] ?? "broken character";

  async function expectRefused(f: SweptForm, lead: unknown[], input: unknown, field: string, says?: string) {
    const before = await databaseSnapshot();
    const result = await f.run(...lead, input);
    expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: false, code: "validation_error" });
    expect(result.fieldErrors?.[field], JSON.stringify(result).slice(0, 300)).toEqual(expect.arrayContaining([expect.any(String)]));
    if (says) expect(result.fieldErrors?.[field]?.join(" ")).toContain(says);
    expect(Object.getPrototypeOf(result.fieldErrors)).toBe(Object.prototype);
    expect(await databaseSnapshot(), "a refused call changed the database").toBe(before);
  }

  describe.each(forms)("$name", (f) => {
    it("accepts the valid input the sweep starts from", async () => {
      const { lead, input } = await f.valid();
      expect(await f.run(...lead, input)).toMatchObject({ ok: true });
    });

    describe.each(f.texts)("field %s", (field) => {
      it.each(SURROGATES)("refuses %s", async (_, bad) => {
        const { lead, input } = await f.valid();
        await expectRefused(f, lead, { ...input, [field]: insertInto(field, input[field], bad) }, field, surrogateMessage(f, field));
      });

      it("refuses a value of more than 5 MB", async () => {
        const { lead, input } = await f.valid();
        await expectRefused(f, lead, { ...input, [field]: "x".repeat(5 * 1024 * 1024 + 1) }, field);
      });
    });

    describe.each(f.names)("name-like field %s", (field) => {
      it.each(HIDDEN)("refuses %s", async (_, bad) => {
        const { lead, input } = await f.valid();
        await expectRefused(f, lead, { ...input, [field]: insertInto(field, input[field], bad) }, field);
      });
    });

    it.each(PROTOTYPE_KEYS)("refuses an unknown key %s", async (key) => {
      const { lead, input } = await f.valid();
      const json = JSON.stringify(input);
      await expectRefused(f, lead, JSON.parse(`${json.slice(0, -1)},${JSON.stringify(key)}:{"role":"admin"}}`), key);
    });
  });
}
