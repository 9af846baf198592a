import type { Role } from "@/lib/auth/roles";
import type { ActionCaller } from "@/tests/authorization/action-callers";

// One call of the server-action matrix: which action, who may call it, and
// how to make a fresh call whose effect can be checked.

export interface PreparedAction {
  args: unknown[];
  /** Checks that an allowed write did what it says (gets the action's data). */
  effect?: (data: any) => Promise<void>;
}

export interface ActionCase {
  /** "<folder under app>#<export>", as tests/authorization/action-files.ts names it. */
  key: string;
  variant?: string;
  /** "nobody": refused to every caller in this state (setup once users exist). */
  needs: Role | "nobody";
  /** The code a caller below `needs` gets, when not "forbidden". */
  denied?: string;
  /** For needs "nobody": the code everyone gets. */
  refusal?: string;
  prepare: (caller: ActionCaller) => Promise<PreparedAction>;
}
