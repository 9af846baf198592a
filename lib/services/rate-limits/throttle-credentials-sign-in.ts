import "server-only";
import { tooManyAttemptsError, tooManyAttemptsMessage } from "@/lib/auth/too-many-sign-in-attempts";
import { errorResponse } from "@/lib/api/responses";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { reserveSignInAttempt } from "./sign-in-attempts";

// The one door of password sign-in: next-auth's POST
// /api/auth/callback/credentials. The attempt is reserved here, before
// next-auth runs the provider's authorize() and its bcrypt comparison.

/** A sign-in form is an email, a password (≤ 200 characters) and next-auth's few fields. */
const MAX_SIGN_IN_BODY_BYTES = 16 * 1024;

// next-auth names its session cookie next-auth.session-token (__Secure- on
// https) and splits a large one into .0, .1, …; a non-empty value means it
// signed the caller in (a sign-out clears it with an empty value).
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]/;

/**
 * Runs `signIn` (next-auth's handler, which reads `req` itself) when the
 * attempt is within the limits, else answers 429 without it. The body is
 * read from a clone, so `req` stays unread for next-auth.
 */
export async function throttleCredentialsSignIn(req: Request, signIn: () => Promise<Response>): Promise<Response> {
  const body = await readSmallBody(req);
  if (!body) return errorResponse(new AppError("payload_too_large", `A sign-in request is at most ${MAX_SIGN_IN_BODY_BYTES} bytes`));
  const email = emailOf(body, req.headers.get("content-type"));
  const reservation = await reserveSignInAttempt(email, clientAddress(req.headers));
  if (!reservation.allowed) return tooManyAttempts(req, reservation.retryAfterSeconds);
  const response = await signIn();
  if (response.headers.getSetCookie().some((cookie) => SESSION_COOKIE.test(cookie))) await reservation.succeeded();
  return response;
}

/**
 * The body, read from a clone so `req` stays unread; null past the cap.
 * Not lib/http/read-capped-body: cancelling one branch of a cloned (teed)
 * body settles only once the other branch is cancelled too, so awaiting it
 * would hang; here the clone is dropped without waiting.
 */
async function readSmallBody(req: Request): Promise<Buffer | null> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_SIGN_IN_BODY_BYTES) return null;
  const reader = req.clone().body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > MAX_SIGN_IN_BODY_BYTES) {
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}

/** The email field of next-auth's form post (urlencoded, or JSON), or null. */
function emailOf(body: Buffer, contentType: string | null): string | null {
  const text = body.toString("utf8");
  let email: unknown;
  if (contentType?.includes("application/json")) {
    try {
      email = (JSON.parse(text) as { email?: unknown } | null)?.email;
    } catch {
      return null;
    }
  } else {
    email = new URLSearchParams(text).get("email");
  }
  return typeof email === "string" && email.trim() !== "" ? email : null;
}

/**
 * 429 with Retry-After. The body is next-auth's own JSON answer (`url`,
 * whose `error` the login form gets back from signIn()) with the API's error
 * envelope beside it for scripts.
 */
function tooManyAttempts(req: Request, retryAfterSeconds: number): Response {
  const url = new URL("/login", req.url);
  url.searchParams.set("error", tooManyAttemptsError(retryAfterSeconds));
  const error = new AppError("rate_limited", `${tooManyAttemptsMessage(retryAfterSeconds)}.`, { retry_after_seconds: retryAfterSeconds });
  return Response.json(
    { url: url.toString(), error: { code: error.code, message: error.message, details: error.details } },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
