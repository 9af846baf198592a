import { roles } from "@/lib/auth/roles";

export const roleOptions = roles.map((role) => ({ value: role, label: role }));

/** One line per role for the forms: what the role may do. */
export const roleHint = "viewer reads; editor also writes networks and hosts; admin also manages users, tokens, import and backup";
