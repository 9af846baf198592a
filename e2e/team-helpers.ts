import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

// Builders for issue 11's team pages, driven through the UI as an admin:
// /admin/users and /account/tokens. Every call makes its own unique names.

export type Role = "viewer" | "editor" | "admin";

/** An email no other test (or earlier run on a kept database) uses. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

/** A password the policy accepts: ≥ 12 characters and not one of the common ones (it is random). */
export function strongPassword(): string {
  return `Team-${randomUUID()}`;
}

/** On /admin/users: creates a user with a role and the password the admin types (not a generated one). */
export async function createUserThroughUi(page: Page, user: { email: string; password: string; role: Role }): Promise<void> {
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByLabel("Generate a password").uncheck();
  await form.getByLabel("Password", { exact: true }).fill(user.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`User ${user.email} created`)).toBeVisible();
  // No password to show: the admin chose it.
  await expect(page.getByTestId("shown-once-password")).toHaveCount(0);
  await expect(form.getByLabel("Email")).toHaveValue("");
}

/** On /admin/users, found by a search for the email: gives the user another role. */
export async function changeRoleThroughUi(page: Page, email: string, role: Role): Promise<void> {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("users-table").getByTestId("user-email")).toHaveText([email]);
  await page.getByLabel(`Role of ${email}`).selectOption(role);
  await expect(page.getByText(`${email} is now ${role}`)).toBeVisible();
}

/** On /account/tokens: makes a token and returns it as the page shows it (once). */
export async function createTokenThroughUi(page: Page, name: string, role: Role): Promise<string> {
  await page.goto("/account/tokens");
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = page.getByTestId("new-token");
  await expect(secret).toContainText(`Copy the token “${name}” now`);
  const field = secret.getByLabel("New API token");
  await expect(field).toHaveValue(/^ipam_/);
  return field.inputValue();
}

/** On /account/tokens: revokes a token by its name through the confirmation dialog. */
export async function revokeTokenThroughUi(page: Page, name: string): Promise<void> {
  await page.goto("/account/tokens");
  const table = page.getByTestId("tokens-table");
  await expect(table.getByText(name, { exact: true })).toBeVisible();
  await table.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke ${name}?` });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText(`Token ${name} revoked`)).toBeVisible();
  await expect(table.getByText(name, { exact: true })).toHaveCount(0);
}
