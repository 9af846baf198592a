import Link from "next/link";
import type { ChangeOut } from "@/lib/schemas/change";

type ObjectRef = Pick<ChangeOut, "object_type" | "object_id" | "object_repr">;

/** Where an object of the change log lives: its own page, or (users, tokens) the list that manages it. */
export function objectHref({ object_type, object_id }: Pick<ChangeOut, "object_type" | "object_id">): string {
  switch (object_type) {
    case "host":
      return `/hosts/${object_id}`;
    case "network":
      return `/networks/${object_id}`;
    case "user":
      return "/admin/users";
    case "api_token":
      return "/admin/tokens";
  }
}

/** The object's name as recorded, linking to it; an object that no longer exists says so instead of linking to a 404. */
export function ChangeObjectLink({ change, gone }: { change: ObjectRef; gone: boolean }) {
  if (gone) {
    return (
      <span className="text-slate-600">
        <span className="font-mono">{change.object_repr}</span> <span className="text-xs text-slate-500">(deleted)</span>
      </span>
    );
  }
  return (
    <Link href={objectHref(change)} prefetch={false} className="font-mono text-indigo-700 hover:underline">
      {change.object_repr}
    </Link>
  );
}
