import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { countUsers } from "@/lib/services/users/count-users";
import { getSessionActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if ((await countUsers()) === 0) redirect("/setup");
  if (await getSessionActor()) redirect("/");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <LoginForm />
    </>
  );
}
