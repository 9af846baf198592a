import type { ChangeGroupOut, ChangeOut } from "@/lib/schemas/change";

/**
 * One row of the /changes table: a record, or a request with more than one
 * record folded into one line ("admin imported 10,000 hosts"). `gone`: the
 * record's object no longer exists (its newest record is a delete).
 */
export type ChangeRow =
  | { id: number; kind: "record"; change: ChangeOut; gone: boolean }
  | { id: number; kind: "group"; group: ChangeGroupOut };
