import path from "node:path";

// How every production server is started (npm start, the benchmark's and the
// browser tests' extra instances): our own HTTP server in front of Next
// (scripts/serve.ts), never a plain `next start`, whose client address and
// forwarded headers cannot be trusted (lib/http/peer-header.ts). Plain node
// runs the bundled script (scripts/launch.mjs), no run-time transpiler.

/** [executable, ...args] for `spawn`; the server reads PORT, HOST and the rest from its environment. */
export function serveCommand(root: string = process.cwd()): [string, string[]] {
  return [process.execPath, [path.resolve(root, "scripts/launch.mjs"), "serve"]];
}
