import { AppError } from "@/lib/errors";

/** `?columns=a,b` picks and orders columns; absent means all. The CSV and XLSX exports share it. */
export function chooseColumns<C extends string>(params: URLSearchParams, all: readonly C[]): C[] {
  const text = params.get("columns")?.trim();
  if (!text) return [...all];
  const chosen = text.split(",").map((c) => c.trim()).filter(Boolean);
  const unknown = chosen.filter((c) => !all.includes(c as C));
  if (unknown.length || chosen.length === 0) {
    const message = `columns must be a comma-separated list of ${all.join(", ")}`;
    throw new AppError("bad_request", `Invalid query parameter columns: ${message}`, { columns: [message] });
  }
  return chosen as C[];
}
