import { toAppError } from "@/lib/errors";

// Response helpers: every error leaves the API in one envelope.

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  const body: { code: string; message: string; details?: Record<string, unknown> } = { code: appError.code, message: appError.message };
  if (appError.details) body.details = appError.details;
  return Response.json({ error: body }, { status: appError.status });
}

/** 201 with a Location header pointing at the new resource. */
export function created(body: unknown, location: string): Response {
  return Response.json(body, { status: 201, headers: { Location: location } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
