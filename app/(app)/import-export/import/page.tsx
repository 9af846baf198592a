import type { Metadata } from "next";
import { ImportWizard } from "@/components/import/import-wizard";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import" };

// The import itself is POST /api/v1/import/auto, which checks the role again.
export default async function ImportPage() {
  const actor = await requirePageActor();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Import" crumbs={[{ href: "/import-export", label: "Import/Export" }]}
        subtitle="Hosts or networks from CSV or JSON, or the original app's database. You see what would happen before anything is written." />
      <Card>
        {hasRole(actor.role, "editor") ? <ImportWizard /> : <p className="text-sm text-slate-600">Importing needs the editor role.</p>}
      </Card>
    </div>
  );
}
