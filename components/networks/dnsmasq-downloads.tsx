const variants = [
  { name: "dnsmasq", label: "DNS + DHCP" },
  { name: "dnsmasq-dns", label: "DNS" },
  { name: "dnsmasq-dhcp", label: "DHCP" },
] as const;

/** The network's hosts as dnsmasq config: both kinds of line, or DNS / DHCP only. Plain downloads (the API accepts the session). */
export function DnsmasqDownloads({ networkId }: { networkId: number }) {
  return (
    <div role="group" aria-label="Download dnsmasq configuration" className="inline-flex items-stretch rounded-md text-sm shadow-sm">
      <span className="flex items-center gap-1 rounded-l-md border border-slate-300 bg-slate-50 px-2.5 font-medium text-slate-600">
        <span aria-hidden>⤓</span> dnsmasq
      </span>
      {variants.map((variant, i) => (
        <a
          key={variant.name}
          href={`/api/v1/export/${variant.name}?network_id=${networkId}`}
          download
          data-testid={`download-${variant.name}`}
          aria-label={`Download dnsmasq ${variant.label} configuration`}
          className={`-ml-px flex items-center border border-slate-300 bg-white px-2.5 py-2 font-medium text-slate-700 hover:bg-slate-50 focus:z-10 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${i === variants.length - 1 ? "rounded-r-md" : ""}`}
        >
          {variant.label}
        </a>
      ))}
    </div>
  );
}
