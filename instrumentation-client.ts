import { config } from "zod";

// Runs in the browser before the app's own code (Next's instrumentation-client).
// zod 4 probes for a fast path with `new Function("")` on the first object
// parse; under our CSP (no 'unsafe-eval', lib/http/security-headers.ts) the
// probe fails and the browser reports a violation on every page with a form.
// jitless skips the probe; the browser parses a few fields, so the speed is moot.
config({ jitless: true });
