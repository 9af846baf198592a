import { createUserSchema, resetPasswordSchema, updateUserSchema, userListQuery, userOut, userWithPasswordOut } from "@/lib/schemas/user";
import { pageOf } from "@/lib/schemas/responses";
import type { Operation } from "@/lib/api/openapi/operation";

const LAST_ADMIN = "409 last_admin: the change would leave no active admin.";

export const userOperations: Operation[] = [
  { method: "get", path: "/users", tag: "Users", summary: "List and search users", auth: "admin", query: userListQuery,
    responses: { 200: { schema: pageOf(userOut), description: "A page of users (never a password or its hash)" } }, errors: [400] },
  { method: "post", path: "/users", tag: "Users", summary: "Create a user", auth: "admin", body: { schema: createUserSchema },
    description: "Passwords need at least 12 characters and must not be one of the 10,000 most common. Without a password one is generated and returned once.",
    responses: { 201: { schema: userWithPasswordOut, description: "Created; `password` only when generated, in this response only" } }, errors: [400, 409, 413, 422] },
  { method: "get", path: "/users/{id}", tag: "Users", summary: "Get a user", auth: "admin", responses: { 200: { schema: userOut, description: "The user" } } },
  { method: "patch", path: "/users/{id}", tag: "Users", summary: "Change a user's name, role or disabled flag", auth: "admin", body: { schema: updateUserSchema },
    description: `A new role or disabling ends the user's sessions. ${LAST_ADMIN}`,
    responses: { 200: { schema: userOut, description: "The changed user" } }, errors: [400, 409, 413, 422] },
  { method: "delete", path: "/users/{id}", tag: "Users", summary: "Delete a user", auth: "admin",
    description: `Their API tokens and sessions go too. ${LAST_ADMIN}`, responses: { 204: { schema: null, description: "Deleted" } }, errors: [409] },
  { method: "post", path: "/users/{id}/password", tag: "Users", summary: "Reset a user's password", auth: "admin", body: { schema: resetPasswordSchema },
    description: "Sets the given password, or generates one (returned once). Ends the user's sessions.",
    responses: { 200: { schema: userWithPasswordOut, description: "`password` only when generated, in this response only" } }, errors: [400, 413, 422] },
];
