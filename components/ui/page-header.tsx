import Link from "next/link";

/** Page title with optional breadcrumbs, a badge beside the title (outside the heading's text), subtitle and actions on the right. */
export function PageHeader({
  title,
  badge,
  subtitle,
  crumbs,
  actions,
}: {
  title: React.ReactNode;
  badge?: React.ReactNode;
  subtitle?: React.ReactNode;
  crumbs?: Array<{ href: string; label: string }>;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        {crumbs && crumbs.length > 0 && (
          <nav aria-label="Breadcrumb" className="mb-1 flex flex-wrap items-center gap-1 text-sm text-slate-500">
            {crumbs.map((crumb) => (
              <span key={crumb.href} className="flex items-center gap-1">
                <Link href={crumb.href} className="hover:text-indigo-600 hover:underline">{crumb.label}</Link>
                <span aria-hidden>/</span>
              </span>
            ))}
          </nav>
        )}
        {badge ? (
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            {badge}
          </div>
        ) : (
          <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        )}
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
