/** Next's searchParams (string | string[] | undefined) as plain strings; the last value of a repeated key wins. */
export function flattenSearchParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[value.length - 1] : value;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Only the keys a filter bar shows, so the form is keyed by what it displays. */
export function pick(params: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => params[key]).map((key) => [key, params[key]]));
}
