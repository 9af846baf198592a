import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

// Loading @prisma/schema-engine-wasm in Node, and making its errors readable.
// Used by ./schema-engine.ts; nothing else should need this file.

// The last Rust panic message, added to the next error we report.
let lastPanic: string | undefined;
let engineModule: Promise<typeof glue> | undefined;

// The package's entry point does `import * as wasm from "./x.wasm"`, which
// Node cannot load; so instantiate the .wasm ourselves against the JS glue,
// exactly as that entry point would.
export function loadEngineModule(): Promise<typeof glue> {
  engineModule ??= (async () => {
    // The glue reports Rust panics here; without it a panic surfaces as
    // "Cannot read properties of undefined (reading 'set_message')".
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const imports = { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), imports);
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  return engineModule;
}

/** Turns what the engine throws into one readable Error ("P3006 Migration … failed …"). */
export function engineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  const text = (error instanceof Error ? error.message : String(error))
    // Drop the engine's Rust span trace ("   0: sql_schema_connector::…").
    .replace(/\n\s*0: [\s\S]*$/, "")
    // A plain JS error thrown by the driver reaches the engine as an id only.
    .replace(/External error id#(\d+)/g, (whole, id: string) => {
      const original = registry.consumeError(Number(id))?.error;
      return original instanceof Error ? original.message : original !== undefined ? String(original) : whole;
    })
    .trim();
  const panic = lastPanic ? ` (engine panic: ${lastPanic})` : "";
  lastPanic = undefined;
  return new Error(`${typeof code === "string" && !text.startsWith(code) ? `${code} ` : ""}${text}${panic}`, { cause: error });
}
