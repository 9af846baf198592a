import { MAIN_ID, SkipLink } from "@/components/layout/skip-link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="grid min-h-screen place-items-center bg-gradient-to-b from-slate-50 to-slate-100 px-4">
      <SkipLink />
      <div className="w-full max-w-sm">
        {/* The brand is the page's banner; the form below is its main content. */}
        <header className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
          <span className="grid h-8 w-8 place-items-center rounded-md bg-indigo-600 text-xs font-bold text-white">IP</span>
          IPAM
        </header>
        <main id={MAIN_ID} tabIndex={-1} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm focus:outline-none">{children}</main>
      </div>
    </div>
  );
}
