import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { parseListQuery } from "@/components/tables/parse-list-query";
import { flattenSearchParams, pick } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { NeedsRole } from "@/components/ui/needs-role";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { userListQuery } from "@/lib/schemas/user";
import { listUsers } from "@/lib/services/users/list-users";

export const metadata: Metadata = { title: "Users" };

const filterKeys = ["q", "role"];

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  // Not an admin: say so (the actions refuse on their own too).
  if (!hasRole(actor.role, "admin")) return <NeedsRole title="Users" role="admin" what="Managing users" />;
  const params = flattenSearchParams(await searchParams);
  const { query, problems } = parseListQuery(userListQuery, params);
  const page = await listUsers(actor, query);
  return (
    <>
      <PageHeader title="Users" subtitle={`${page.total.toLocaleString("en-US")} user${page.total === 1 ? "" : "s"}${Object.keys(pick(params, filterKeys)).length ? " match" : ""}`} />
      {problems.length > 0 && <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Ignored: {problems.join("; ")}</p>}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card bodyClassName="">
          <UsersTable page={page} sort={query.sort} filters={pick(params, filterKeys)} currentUserId={actor.kind === "user" ? actor.id : null} />
        </Card>
        <Card title="New user">
          <CreateUserForm />
        </Card>
      </div>
    </>
  );
}
