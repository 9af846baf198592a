import "server-only";
import type { z } from "zod";
import { hasRole, type Actor, type Role } from "@/lib/auth/roles";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { authenticateRequest } from "@/lib/api/authenticate";
import { assertCookieWriteAllowed } from "@/lib/api/cookie-write-guard";
import { readJson } from "@/lib/api/read-json";
import { errorResponse } from "@/lib/api/responses";
import { withRateLimitHeaders } from "@/lib/api/rate-limit-headers";
import { apiRateLimited, countApiCall } from "@/lib/services/rate-limits/api-rate-limit";
import type { RateLimitResult } from "@/lib/services/rate-limits/hit";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { changeMessageFromHeader } from "@/lib/schemas/change";
import { requestIdOf } from "@/lib/http/request-id";
import { preparingRequest } from "@/lib/http/requests-preparing";

// The one wrapper around every /api/v1 route handler: authenticate, check
// the role, parse params/query/body, run the handler, and turn anything
// thrown into the error envelope. Handlers stay one service call long.

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** `true`: the JSON body as-is (unknown); a schema: the body parsed by it, a mismatch being 422. */
type BodySpec = boolean | z.ZodType;
type BodyOf<B extends BodySpec> = B extends z.ZodType ? z.output<B> : B extends true ? unknown : undefined;

interface Config<A extends Role | "public", P, Q, B extends BodySpec> {
  /** Minimum role, or "public" for health/docs. */
  auth: A;
  /** Path parameters; a mismatch (e.g. a non-numeric id) is a 404. */
  params?: z.ZodType<P>;
  /** Query string; a mismatch is a 400 bad_request. */
  query?: z.ZodType<Q>;
  /** Read the body as JSON: `true` hands it over unparsed, a zod schema parses it once here (422 on a mismatch). */
  body?: B;
  /** Media types a signed-in browser may write with (default JSON only), e.g. an upload's; token calls are not checked. */
  accepts?: readonly string[];
}

interface HandlerArgs<A, P, Q, B extends BodySpec> {
  req: Request;
  /** Null only on public routes. */
  actor: A extends "public" ? null : Actor;
  params: P;
  query: Q;
  body: BodyOf<B>;
}

export function withApi<A extends Role | "public", P = Record<string, never>, Q = Record<string, never>, B extends BodySpec = false>(
  config: Config<A, P, Q, B>,
  handler: (args: HandlerArgs<A, P, Q, B>) => Promise<Response | object>,
): (req: Request, ctx: RouteContext) => Promise<Response> {
  return async (req, ctx) => {
    const requestId = requestIdOf(req.headers);
    const response = await withChangeContext({ source: "api", requestId }, () => answer(req, ctx));
    response.headers.set("X-Request-ID", requestId);
    return response;
  };

  async function answer(req: Request, ctx: RouteContext): Promise<Response> {
    let budget: RateLimitResult | null = null;
    const prepared = preparingRequest();
    try {
      const actor = config.auth === "public" ? null : await authenticateRequest(req);
      // Counted first, so a call over the limit does nothing else (every answer then carries RateLimit-*).
      budget = actor ? countApiCall(actor) : null;
      if (budget && !budget.allowed) throw apiRateLimited(budget);
      // A user (not a token) is a browser session, which another site can make write (CSRF).
      if (actor?.kind === "user") assertCookieWriteAllowed(req, config.accepts);
      if (actor && !hasRole(actor.role, config.auth as Role)) {
        throw new AppError("forbidden", `This needs the ${config.auth} role; your ${actor.kind} has ${actor.role}`);
      }
      // Tokens reach the app only through here, and the method says whether a
      // call writes (every POST/PUT/PATCH/DELETE route does), whatever role
      // the service asks for: a viewer-level write (making a token) included.
      if (actor?.readOnly && !READ_METHODS.has(req.method)) {
        throw new AppError("forbidden", "This API token is read-only: it can only read (GET, HEAD)");
      }
      const params = config.params ? parseParams(config.params, await ctx.params) : ({} as P);
      const query = config.query ? parseQuery(config.query, new URL(req.url).searchParams) : ({} as Q);
      const raw = config.body ? await readJson(req) : undefined;
      const body = (typeof config.body === "object" ? config.body.parse(raw) : raw) as HandlerArgs<A, P, Q, B>["body"];
      // The optional "why" of a write, on every record it makes.
      const message = changeMessageFromHeader(req.headers);
      prepared();
      const run = () => handler({ req, actor: actor as HandlerArgs<A, P, Q, B>["actor"], params, query, body });
      const result = message === null ? await run() : await withChangeContext({ message }, run);
      return withRateLimitHeaders(result instanceof Response ? result : Response.json(result), budget);
    } catch (error) {
      return withRateLimitHeaders(errorResponse(error), budget);
    } finally {
      prepared();
    }
  }
}

function parseParams<P>(schema: z.ZodType<P>, raw: Record<string, string | string[]>): P {
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError("not_found", "No such resource", zodFieldErrors(result.error));
  return result.data;
}

function parseQuery<Q>(schema: z.ZodType<Q>, params: URLSearchParams): Q {
  const result = schema.safeParse(Object.fromEntries(params.entries()));
  if (!result.success) {
    const fields = zodFieldErrors(result.error);
    const [field, messages] = Object.entries(fields)[0];
    throw new AppError("bad_request", `Invalid query parameter ${field}: ${messages[0]}`, fields);
  }
  return result.data;
}
