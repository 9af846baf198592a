"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

/**
 * List pages keep page, sort and filters in the URL, so the server renders
 * exactly one page and a link or reload shows the same view. `update` merges
 * values into the query string ("" or null removes a key) and resets to page 1
 * unless the page itself (`page`, or a keyset `cursor`) changes.
 */
export function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = useCallback(
    (values: Record<string, string | number | null | undefined>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(values)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      // A page number and a cursor both say where the list is: the one given wins, any other change starts again at page 1.
      if (!("page" in values)) next.delete("page");
      if (!("cursor" in values)) next.delete("cursor");
      const query = next.toString();
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  return { params: searchParams, update, pending };
}
