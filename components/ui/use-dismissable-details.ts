"use client";
import { useEffect, useRef } from "react";

/**
 * A <details> used as a menu closes like one: on Escape (focus goes back to
 * its summary) and on a pointer press outside it. Native <details> does
 * neither, so an open menu stayed over the table until its summary was
 * clicked again.
 */
export function useDismissableDetails<E extends HTMLDetailsElement>() {
  const ref = useRef<E>(null);
  useEffect(() => {
    const close = (refocus: boolean) => {
      const details = ref.current;
      if (!details?.open) return;
      details.open = false;
      if (refocus) details.querySelector("summary")?.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && ref.current?.open) close(ref.current.contains(document.activeElement));
    };
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, []);
  return ref;
}
