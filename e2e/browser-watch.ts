import type { BrowserContext } from "@playwright/test";

/**
 * Collects, for every page of a browser context, what a broken page leaves
 * in the console: CSP violations (the `securitypolicyviolation` event, which
 * Chromium does not always echo to the console), console errors and
 * uncaught exceptions. `allowStatuses`: the HTTP errors a test provokes on
 * purpose (a refused sign-in, a revoked token), which Chromium logs as
 * "Failed to load resource: … status of 401". Chromium's own request for
 * /favicon.ico (the app ships no icon; a 404 there breaks nothing) is not counted.
 */
export async function watchConsoleProblems(context: BrowserContext, { allowStatuses = [] as number[] } = {}): Promise<string[]> {
  const seen: string[] = [];
  const allowed = new RegExp(`^Failed to load resource: the server responded with a status of (${allowStatuses.join("|") || "none"})\\b`);
  context.on("console", (message) => {
    if (message.type() !== "error" || allowed.test(message.text())) return;
    if (new URL(message.location().url || "about:blank").pathname === "/favicon.ico") return;
    seen.push(`${message.location().url}: ${message.text()}`);
  });
  context.on("weberror", (error) => seen.push(`uncaught: ${error.error().message}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return seen;
}
