// Rewrites prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma (scripts/generate.mjs).
import { writePostgresSchema } from "@/lib/db/schema-variants";

writePostgresSchema();
