import { requirePageActor } from "@/lib/auth/session";
import { Suspense } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { GlobalSearch } from "@/components/search/global-search";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return (
    <AppShell actor={actor} search={<Suspense><GlobalSearch /></Suspense>}>
      {children}
    </AppShell>
  );
}
