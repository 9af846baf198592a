import type { Inverse, RevertibleRecord } from "@/lib/services/changes/inverse-change";

// The order a revert's inverses are applied in (pure): newest first, with
// runs of host deletions and of one status set back on many hosts (the
// inverse of an import, an allocation, a bulk status change) joined into one
// call of the bulk services, a statement or two per thousand hosts instead
// of per host.

/** One service call: a single inverse, or a run of host deletions or of one status set back. */
export type InverseStep =
  | { kind: "one"; records: [RevertibleRecord]; inverse: Inverse }
  | { kind: "delete-hosts"; records: RevertibleRecord[] }
  | { kind: "host-status"; records: RevertibleRecord[]; status: string };

/** Hosts per bulk call. */
const RUN = 1000;

type Kind = Exclude<InverseStep["kind"], "one">;
function runKind(inverse: Inverse): { kind: Kind; status?: string } | null {
  if (inverse.objectType !== "host") return null;
  if (inverse.kind === "delete") return { kind: "delete-hosts" };
  if (inverse.kind === "set-fields" && Object.keys(inverse.fields).join() === "status") return { kind: "host-status", status: String(inverse.fields.status) };
  return null;
}

/** The inverses in order (newest first), consecutive runs joined; a host met twice starts a new run, so order is kept. */
export function inverseSteps(items: ReadonlyArray<{ record: RevertibleRecord; inverse: Inverse }>): InverseStep[] {
  const steps: InverseStep[] = [];
  let run: Extract<InverseStep, { kind: Kind }> | null = null;
  let inRun = new Set<number>();
  for (const { record, inverse } of items) {
    const kind = runKind(inverse);
    const joins = run && kind && kind.kind === run.kind && (run.kind !== "host-status" || run.status === kind.status)
      && run.records.length < RUN && !inRun.has(record.objectId);
    if (joins) {
      run!.records.push(record);
      inRun.add(record.objectId);
    } else if (kind) {
      run = kind.kind === "host-status" ? { kind: "host-status", records: [record], status: kind.status! } : { kind: "delete-hosts", records: [record] };
      inRun = new Set([record.objectId]);
      steps.push(run);
    } else {
      run = null;
      steps.push({ kind: "one", records: [record], inverse });
    }
  }
  return steps;
}
