// The shipped list of the 10,000 most common passwords (common-passwords.txt
// beside this file: source and licence in its header), as a lower-cased set.
//
// This module is imported by the shared zod schemas, so it also lands in the
// browser bundle, where there is no file to read: there `isCommonPassword` is
// false and the check happens where it counts, when the server action, route,
// service or CLI parses the same schema again. `process.getBuiltinModule`
// (Node ≥ 20.16) reaches node:fs without an import a bundler would follow.

let cached: Set<string> | undefined;

function serverFs(): typeof import("node:fs") | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.("node:fs") as typeof import("node:fs") | undefined;
}

/** The list, read once per process; undefined in a browser. */
export function commonPasswords(): Set<string> | undefined {
  if (cached) return cached;
  const fs = serverFs();
  if (!fs) return undefined;
  // The app, the CLI and the tests all run from the project root (as lib/db/schema-variants.ts assumes).
  const text = fs.readFileSync(`${process.cwd()}/lib/auth/common-passwords.txt`, "utf8");
  cached = new Set(text.split("\n").filter((line) => line && !line.startsWith("#")));
  return cached;
}

/** True when `password`, ignoring case, is one of the shipped common passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords()?.has(password.toLowerCase()) ?? false;
}
