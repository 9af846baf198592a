import { z } from "zod";
import { intParam } from "@/lib/schemas/list";

/** `{id}` path segments: a positive integer, else the resource does not exist (404). */
export const idParams = z.object({ id: intParam("id", 1, 2 ** 31 - 1) });
export const addressParams = z.object({ address: z.string() });
