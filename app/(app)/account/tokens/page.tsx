import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/services/tokens/list-api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function AccountTokensPage() {
  const actor = await requirePageActor();
  const tokens = await listApiTokens(actor);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="API tokens"
        crumbs={[{ href: "/account", label: "Account" }]}
        subtitle={<>Send a token as <code>Authorization: Bearer &lt;token&gt;</code>. It acts with at most your role, and with no more than you have now.</>}
      />
      <Card title="New token">
        <CreateTokenForm maxRole={actor.role} />
      </Card>
      <Card title="Your tokens" bodyClassName="">
        <TokensTable tokens={tokens} />
      </Card>
    </div>
  );
}
