import type { z } from "zod";

/**
 * Parses a list page's query string with the API's list schema. A bad value
 * (a hand-edited URL) is dropped and named instead of failing the page.
 */
export function parseListQuery<S extends z.ZodType>(schema: S, params: Record<string, string>): { query: z.output<S>; problems: string[] } {
  const current = { ...params };
  const problems: string[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = schema.safeParse(current);
    if (parsed.success) return { query: parsed.data, problems };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      problems.push(key ? `${key}: ${issue.message}` : issue.message);
      delete current[key];
    }
  }
  return { query: schema.parse({}), problems };
}
