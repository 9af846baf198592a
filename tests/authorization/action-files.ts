import { readdirSync } from "node:fs";
import path from "node:path";

// Every server action under app/ (each export of each actions.ts), found on
// disk, so that a new action cannot be left out of the matrix.

export type ServerAction = (...args: unknown[]) => Promise<unknown>;

const APP = path.resolve(__dirname, "../../app");

/** "(app)/hosts#createHostAction" → the exported function. */
export async function serverActions(): Promise<Map<string, ServerAction>> {
  const out = new Map<string, ServerAction>();
  const files = readdirSync(APP, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "actions.ts").sort();
  for (const file of files) {
    const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
    const folder = path.dirname(file).split(path.sep).join("/");
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") out.set(`${folder}#${name}`, value as ServerAction);
    }
  }
  return out;
}
