import Link from "next/link";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { NavLinks } from "@/components/layout/nav-links";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { MAIN_ID, SkipLink } from "@/components/layout/skip-link";

export const navItems = [
  { href: "/", label: "Dashboard" },
  { href: "/networks", label: "Networks" },
  { href: "/hosts", label: "Hosts" },
  { href: "/changes", label: "Changes" },
  { href: "/tools/subnet-calculator", label: "Calculator" },
  { href: "/import-export", label: "Import/Export" },
  { href: "/discovery", label: "Discovery" },
  { href: "/api/v1/docs", label: "API docs" },
] as const;

/** Admins also manage who has access. */
export const adminNavItems = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/tokens", label: "Tokens" },
] as const;

export function AppShell({ actor, search, children }: { actor: Actor; search?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        {/* One row from lg up, whatever the user's name (often an email): the header is wider than the page's
            column, the name truncates, and the nav, last to give way, scrolls rather than wrapping. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 lg:flex-nowrap lg:gap-x-4 xl:max-w-[90rem]">
          <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-slate-900">
            <span className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-xs font-bold text-white">IP</span>
            <span>IPAM</span>
          </Link>
          <NavLinks items={hasRole(actor.role, "admin") ? [...navItems, ...adminNavItems] : navItems} />
          {/* Below sm this group dissolves into the header's rows (display: contents): the name and role stay
              on the logo's row beside "Sign out", and the search takes a row of its own above the nav. */}
          <div className="flex min-w-0 items-center justify-end gap-3 max-sm:contents sm:ml-auto sm:flex-1 lg:flex-none lg:shrink-0">
            {search && <div className="min-w-0 max-w-xs flex-1 max-sm:order-1 max-sm:max-w-none max-sm:basis-full lg:w-40 lg:flex-none">{search}</div>}
            <Link href="/account" className="flex min-w-0 items-center gap-1.5 whitespace-nowrap rounded-md px-1.5 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 max-sm:ml-auto" data-testid="current-user">
              <span className="sr-only">Account: </span>
              <span className="max-w-20 truncate sm:max-w-32" title={actor.name}>{actor.name}</span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{actor.role}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-3 py-6 focus:outline-none sm:px-4">{children}</main>
    </div>
  );
}
