import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commonPasswords, isCommonPassword } from "@/lib/auth/common-passwords";
import { MIN_PASSWORD_LENGTH, passwordSchema } from "@/lib/auth/password-policy";

const messages = (value: unknown) => passwordSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("password policy", () => {
  it("ships exactly 10,000 distinct lower-cased common passwords, most common first", () => {
    const lines = readFileSync("lib/auth/common-passwords.txt", "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(lines).toHaveLength(10_000);
    expect(commonPasswords()?.size).toBe(10_000);
    expect(lines.slice(0, 2)).toEqual(["123456", "password"]);
    expect(lines.every((l) => l === l.toLowerCase())).toBe(true);
  });

  it("refuses fewer than 12 characters, accepts 12", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(messages("k7#vQ2!mZp9")).toEqual(["Use at least 12 characters"]);
    expect(messages("k7#vQ2!mZp9x")).toEqual([]);
    expect(messages("")).toContain("Use at least 12 characters");
    expect(messages("x".repeat(201))).toContain("Use at most 200 characters");
    expect(messages(undefined)).toEqual(["Enter a password"]);
    expect(messages("long-enough-\udc00-pw")).toEqual(["Password contains a broken character (a lone UTF-16 surrogate)"]);
  });

  it.each(["qwerty123456", "QWERTY123456", "Qwerty123456", "1qaz2wsx3edc", "1QAZ2WSX3EDC", "LeaveMeAlone"])(
    "refuses the common password %s whatever its case",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
      expect(messages(password)).toEqual(["This is one of the 10,000 most common passwords; choose another"]);
    },
  );

  it("a short common password gets both messages; a long uncommon one passes", () => {
    expect(messages("Password")).toEqual(["Use at least 12 characters", "This is one of the 10,000 most common passwords; choose another"]);
    expect(isCommonPassword("correct-horse-battery")).toBe(false);
    expect(passwordSchema.parse("correct-horse-battery")).toBe("correct-horse-battery");
  });
});
