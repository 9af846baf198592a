import type { Actor } from "@/lib/auth/roles";

export const admin: Actor = { kind: "user", id: 1, name: "test admin", role: "admin" };
export const editor: Actor = { kind: "user", id: 2, name: "test editor", role: "editor" };
export const viewer: Actor = { kind: "user", id: 3, name: "test viewer", role: "viewer" };
