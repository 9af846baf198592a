"use client";
import type { VisibilityState } from "@tanstack/react-table";
import { useEffect, useState } from "react";

/** Column visibility remembered per table in localStorage (read after hydration). */
export function useStoredVisibility(key: string, initial: VisibilityState = {}) {
  const [visibility, setVisibility] = useState<VisibilityState>(initial);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(key);
      if (stored) setVisibility(JSON.parse(stored) as VisibilityState);
    } catch {
      // A corrupt entry just means the default columns.
    }
  }, [key]);
  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(visibility));
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, [key, visibility]);
  return [visibility, setVisibility] as const;
}
