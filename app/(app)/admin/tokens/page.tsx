import type { Metadata } from "next";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Card } from "@/components/ui/card";
import { NeedsRole } from "@/components/ui/needs-role";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listApiTokens } from "@/lib/services/tokens/list-api-tokens";

export const metadata: Metadata = { title: "All API tokens" };

export default async function AdminTokensPage() {
  const actor = await requirePageActor();
  // Not an admin: say so (the actions refuse on their own too).
  if (!hasRole(actor.role, "admin")) return <NeedsRole title="All API tokens" role="admin" what="Seeing everyone's API tokens" />;
  const tokens = await listApiTokens(actor, { all: true });
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader title="All API tokens" subtitle="Every user's tokens and those made with the admin CLI. Make your own on your account page." />
      <Card title={`${tokens.length} token${tokens.length === 1 ? "" : "s"}`} bodyClassName="">
        <TokensTable tokens={tokens} showOwner />
      </Card>
    </div>
  );
}
