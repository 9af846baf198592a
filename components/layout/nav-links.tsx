"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * The main nav. Where it is wider than the screen (a phone, or lg with an
 * admin's extra items) it scrolls sideways; a fade on the side that has more
 * items says so, since a touch screen shows no scrollbar until you scroll.
 */
export function NavLinks({ items }: { items: ReadonlyArray<{ href: string; label: string }> }) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  const [more, setMore] = useState({ before: false, after: false });

  useEffect(() => {
    const el = nav.current;
    if (!el) return;
    // The current page's item in view first (e.g. Tokens, last of an admin's nav). By scrollLeft, not
    // scrollIntoView: Chromium moves the Tab starting point to an element scrolled into view, so the
    // first Tab would land after that item instead of on the skip link.
    const current = el.querySelector<HTMLElement>('[aria-current="page"]');
    if (current) {
      const item = current.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      if (item.right > box.right) el.scrollLeft += item.right - box.right;
      else if (item.left < box.left) el.scrollLeft -= box.left - item.left;
    }
    const measure = () => setMore({ before: el.scrollLeft > 1, after: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, [pathname]);

  const fade = "pointer-events-none absolute inset-y-0 w-8 from-white to-transparent transition-opacity";
  return (
    <div className="relative order-last -mx-1 w-full min-w-0 lg:order-none lg:mx-0 lg:w-auto lg:shrink" data-more-before={more.before} data-more-after={more.after} data-testid="main-nav">
      <nav ref={nav} aria-label="Main" className="flex gap-1 overflow-x-auto text-sm [scrollbar-width:thin] lg:gap-0.5">
        {items.map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`whitespace-nowrap rounded-md px-3 py-1.5 lg:px-2 ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
            >
              {item.label}
            </Link>
          );
        })}
      </nav>
      <span aria-hidden className={`${fade} left-0 bg-linear-to-r ${more.before ? "opacity-100" : "opacity-0"}`} />
      <span aria-hidden className={`${fade} right-0 bg-linear-to-l ${more.after ? "opacity-100" : "opacity-0"}`} data-testid="nav-more-after" />
    </div>
  );
}
