// Rewrites prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma.
import { readFileSync, writeFileSync } from "node:fs";
import { postgresSchemaFrom, readSourceSchema, schemaPath } from "@/lib/db/schema-variants";

const target = schemaPath("postgresql");
const next = postgresSchemaFrom(readSourceSchema());
let current = "";
try {
  current = readFileSync(target, "utf8");
} catch {
  // First generation.
}
if (current !== next) writeFileSync(target, next);
