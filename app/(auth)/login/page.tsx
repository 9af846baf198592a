import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { countUsers } from "@/lib/services/users/count-users";
import { getSessionActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { localLoginOffered } from "@/lib/auth/sign-in-policy";
import { loadEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  if ((await countUsers()) === 0) redirect("/setup");
  if (await getSessionActor()) redirect("/");
  const { AUTH_MODE, OIDC_NAME } = loadEnv();
  const { error } = await searchParams;
  const problem = signInErrorMessage(typeof error === "string" ? error : null);
  const passwordForm = localLoginOffered() ? <LoginForm /> : null;
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      {problem && <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p>}
      {AUTH_MODE === "oidc" && <SsoSignInButton name={OIDC_NAME} />}
      {AUTH_MODE === "proxy" && <p className="text-sm text-slate-600">Open this site through your organisation&apos;s sign-in proxy; it signs you in.</p>}
      {AUTH_MODE === "local" ? passwordForm : passwordForm && (
        // Single sign-on is the way in; the password form is the admins' break-glass.
        <details className="mt-6 text-sm">
          <summary className="cursor-pointer text-slate-600">Local administrator sign-in</summary>
          <div className="mt-3">{passwordForm}</div>
        </details>
      )}
    </>
  );
}
