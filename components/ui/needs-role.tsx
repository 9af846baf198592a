import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Role } from "@/lib/auth/roles";

/** A page the signed-in user may not use: say which role it needs rather than pretend it does not exist. */
export function NeedsRole({ title, role, what }: { title: string; role: Role; what: string }) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={title} />
      <Card>
        <p className="text-sm text-slate-600" data-testid="needs-role">{what} needs the {role} role.</p>
      </Card>
    </div>
  );
}
