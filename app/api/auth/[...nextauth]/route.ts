import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { throttleCredentialsSignIn } from "@/lib/services/rate-limits/throttle-credentials-sign-in";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's own sign-in, sign-out and session endpoints.
const handler = (req: NextRequest, ctx: Context) => NextAuth(authOptions())(req, ctx);

// POST /api/auth/callback/credentials – password sign-in: rate-limited
// before next-auth (and its bcrypt comparison) sees it; 429 with Retry-After.
async function POST(req: NextRequest, ctx: Context): Promise<Response> {
  const [action, provider] = (await ctx.params).nextauth ?? [];
  if (action === "callback" && provider === "credentials") return throttleCredentialsSignIn(req, () => handler(req, ctx));
  return handler(req, ctx);
}

export { handler as GET, POST };
