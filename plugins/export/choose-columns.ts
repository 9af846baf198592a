import { AppError } from "@/lib/errors";

/**
 * `?columns=a,b` picks and orders columns; absent means `all`. `extra` are
 * columns only written when asked for. The CSV, XLSX and JSON exports share it.
 */
export function chooseColumns<C extends string, E extends string = never>(params: URLSearchParams, all: readonly C[], extra: readonly E[] = []): Array<C | E> {
  const text = params.get("columns")?.trim();
  if (!text) return [...all];
  const known: readonly string[] = [...all, ...extra];
  const chosen = [...new Set(text.split(",").map((c) => c.trim()).filter(Boolean))];
  const unknown = chosen.filter((c) => !known.includes(c));
  if (unknown.length || chosen.length === 0) {
    const message = `columns must be a comma-separated list of ${known.join(", ")}`;
    throw new AppError("bad_request", `Invalid query parameter columns: ${message}`, { columns: [message] });
  }
  return chosen as Array<C | E>;
}
