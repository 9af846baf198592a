import type { ChangeOut } from "@/lib/schemas/change";

const styles: Record<ChangeOut["action"], string> = {
  create: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  update: "bg-sky-50 text-sky-700 ring-sky-600/20",
  delete: "bg-red-50 text-red-700 ring-red-600/20",
};

/** create / update / delete as a coloured pill (the word is the text, so colour is never the only cue). */
export function ChangeActionBadge({ action }: { action: ChangeOut["action"] }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[action]}`}>{action}</span>;
}
