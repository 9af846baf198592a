import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own sign-in, sign-out and session endpoints.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
