import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { countUsers } from "@/lib/services/users/count-users";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect("/login");
  return (
    <>
      <h1 className="text-xl font-semibold">Welcome</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">Create the first administrator account to finish setting up.</p>
      <SetupForm />
    </>
  );
}
