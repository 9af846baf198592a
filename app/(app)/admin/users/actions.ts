"use server";
import { z } from "zod";
import { requireActionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/action-result";
import type { UserOut, UserWithPasswordOut } from "@/lib/schemas/user";
import { createUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { resetUserPassword } from "@/lib/services/users/reset-user-password";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { updateUser } from "@/lib/services/users/update-user";

// /admin/users: each action checks the session and the admin role itself;
// the services parse the input with the shared schemas (lib/schemas/user.ts)
// and apply the last-admin rule.

const id = z.number().int().positive();
const flag = z.boolean();

/** Returns the generated password (if any) to the page once; it is not stored anywhere readable. */
export async function createUserAction(input: unknown): Promise<ActionResult<UserWithPasswordOut>> {
  return runAction(async () => {
    const actor = await requireActionActor("admin");
    return createUser(actor, input as never);
  });
}

/** Name and role (the role select, the name edit). */
export async function updateUserAction(userId: number, input: unknown): Promise<ActionResult<UserOut>> {
  return runAction(async () => {
    const actor = await requireActionActor("admin");
    return updateUser(actor, id.parse(userId), input as never);
  });
}

export async function setUserDisabledAction(userId: number, disabled: boolean): Promise<ActionResult<UserOut>> {
  return runAction(async () => {
    const actor = await requireActionActor("admin");
    return setUserDisabled(actor, id.parse(userId), flag.parse(disabled));
  });
}

/** `{}` generates a password (returned once); `{ password }` sets that one. */
export async function resetUserPasswordAction(userId: number, input: unknown): Promise<ActionResult<UserWithPasswordOut>> {
  return runAction(async () => {
    const actor = await requireActionActor("admin");
    return resetUserPassword(actor, id.parse(userId), input as never);
  });
}

export async function deleteUserAction(userId: number): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const actor = await requireActionActor("admin");
    await deleteUser(actor, id.parse(userId));
    return undefined;
  });
}
