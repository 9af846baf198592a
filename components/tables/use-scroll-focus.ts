"use client";
import { useEffect, useRef, useState } from "react";

/**
 * WCAG 2.1.1: content that scrolls must be scrollable from the keyboard. When
 * a box's content is wider than the box (a wide table on a phone), the box
 * becomes a named, focusable region so arrow keys scroll it, whether or not
 * the rows hold links; while everything fits it adds no Tab stop.
 */
export function useScrollFocus<E extends HTMLElement>(label: string) {
  const ref = useRef<E>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return scrolls ? { ref, tabIndex: 0, role: "region", "aria-label": label } : { ref };
}
