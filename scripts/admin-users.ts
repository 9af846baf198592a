// `npm run admin -- user <command>`: the admin CLI's user commands, the same
// services as /admin/users and /api/v1/users with the trusted actor `null`.
// A generated password is printed alone on the last line of stdout.
import { createUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { getUserByEmail } from "@/lib/services/users/get-user-by-email";
import { listUsers } from "@/lib/services/users/list-users";
import { resetUserPassword } from "@/lib/services/users/reset-user-password";
import { updateUser } from "@/lib/services/users/update-user";
import { userListQuery } from "@/lib/schemas/user";

export const USER_USAGE = `  npm run admin -- user create --email <e> --role <admin|editor|viewer> [--name <n>] [--password <p>]   (no --password: one is generated and printed once)
  npm run admin -- user list
  npm run admin -- user set-role --email <e> --role <admin|editor|viewer>
  npm run admin -- user disable --email <e> | user enable --email <e>
  npm run admin -- user reset-password --email <e> [--password <p>]   (no --password: one is generated and printed once)
  npm run admin -- user delete --email <e>`;

interface UserOptions { email?: string; password?: string; role?: string; name?: string }

const idOf = async (email: string | undefined) => (await getUserByEmail(null, email ?? "")).id;

/** Runs `user <sub>`; false when `sub` is not a user command (the caller prints the usage). */
export async function runUserCommand(sub: string | undefined, values: UserOptions): Promise<boolean> {
  if (sub === "create") {
    const user = await createUser(null, { email: values.email ?? "", password: values.password, role: values.role as never, name: values.name });
    console.log(`Created ${user.role} ${user.email}`);
    if (user.password) console.log(`Generated password, shown only once:\n${user.password}`);
  } else if (sub === "list") {
    const page = await listUsers(null, userListQuery.parse({ per_page: 1000 }));
    for (const u of page.items) console.log([u.email, u.role, u.disabled ? "disabled" : "active", u.auth_source, u.name ?? ""].join("\t"));
  } else if (sub === "set-role") {
    const user = await updateUser(null, await idOf(values.email), { role: values.role as never });
    console.log(`${user.email} is now ${user.role}`);
  } else if (sub === "disable" || sub === "enable") {
    const user = await updateUser(null, await idOf(values.email), { disabled: sub === "disable" });
    console.log(`${user.email} is ${user.disabled ? "disabled" : "enabled"}`);
  } else if (sub === "reset-password") {
    const user = await resetUserPassword(null, await idOf(values.email), { password: values.password });
    console.log(`Password of ${user.email} changed; their sessions ended`);
    if (user.password) console.log(`Generated password, shown only once:\n${user.password}`);
  } else if (sub === "delete") {
    const id = await idOf(values.email);
    await deleteUser(null, id);
    console.log(`Deleted ${values.email}`);
  } else {
    return false;
  }
  return true;
}
