"use client";
import { useCallback, useEffect, useState } from "react";

const STORAGE_KEY = "ipam.recent-network";

/**
 * The "Next free in network" choice: the network the user came from
 * (?network_id=, the host's own), else the one they last put a host in on
 * this browser, else the first offered. Never the first by sort order when
 * a better guess exists: that is often a /15 or /16 container's first child.
 * `offered` are the ids the select lists; a remembered id no longer among them is ignored.
 */
export function useRecentNetwork(given: number | null | undefined, offered: number[]) {
  const fallback = offered[0] !== undefined ? String(offered[0]) : "";
  const givenOffered = given != null && offered.includes(given) ? String(given) : null;
  const [value, setValue] = useState(givenOffered ?? fallback);
  const offeredKey = offered.join(",");

  // localStorage exists only in the browser: read after hydration, so server and client render the same first.
  useEffect(() => {
    if (givenOffered) return;
    const stored = Number(window.localStorage.getItem(STORAGE_KEY));
    if (offeredKey.split(",").includes(String(stored))) setValue(String(stored));
  }, [givenOffered, offeredKey]);

  /** Called when a host is put into a network (next free taken, host created). */
  const remember = useCallback((networkId: number | null | undefined) => {
    if (networkId != null) window.localStorage.setItem(STORAGE_KEY, String(networkId));
  }, []);

  return { value, setValue, remember };
}
