import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { OwnSessions } from "@/components/account/own-sessions";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatDate } from "@/components/ui/format-date";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { listUserSessions } from "@/lib/services/sessions/list-user-sessions";
import { getOwnAccount } from "@/lib/services/users/get-own-account";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requirePageActor();
  const [account, sessions] = await Promise.all([getOwnAccount(actor), listUserSessions(actor, actor.id)]);
  return (
    <>
      <PageHeader title="Account" subtitle={account.email} actions={<LinkButton href="/account/tokens">API tokens</LinkButton>} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="You">
          <DefinitionList
            items={[
              { label: "Email", value: account.email },
              { label: "Name", value: account.name ?? "—" },
              { label: "Role", value: account.role },
              { label: "Signs in with", value: account.auth_source === "local" ? "password" : account.auth_source === "oidc" ? "single sign-on (OIDC)" : "the authenticating proxy" },
              { label: "Last sign-in", value: formatDate(account.last_login_at) },
            ]}
          />
        </Card>
        <Card title="Change password">
          {account.auth_source === "local"
            ? <ChangePasswordForm />
            : <p className="text-sm text-slate-600">Your password is managed by your identity provider.</p>}
        </Card>
        <Card title="Sessions" className="lg:col-span-2" bodyClassName="">
          <OwnSessions sessions={sessions} />
        </Card>
      </div>
    </>
  );
}
