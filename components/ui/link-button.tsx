import Link from "next/link";

const variants = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500",
  secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  danger: "bg-red-600 text-white hover:bg-red-500",
} as const;

/** A link that looks like a Button (navigation, not a mutation). */
export function LinkButton({
  href,
  variant = "secondary",
  className = "",
  children,
  download,
  prefetch,
  ...rest
}: {
  href: string;
  variant?: keyof typeof variants;
  className?: string;
  children: React.ReactNode;
  download?: boolean;
  prefetch?: boolean;
  "data-testid"?: string;
}) {
  const classes = `inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 ${variants[variant]} ${className}`;
  // Downloads are plain anchors: the router must not try to render a file.
  if (download) {
    return <a href={href} download className={classes} {...rest}>{children}</a>;
  }
  return <Link href={href} prefetch={prefetch} className={classes} {...rest}>{children}</Link>;
}
