const variants = [
  { name: "dnsmasq", label: "DNS + DHCP" },
  { name: "dnsmasq-dns", label: "DNS" },
  { name: "dnsmasq-dhcp", label: "DHCP" },
] as const;

/**
 * The network's hosts as dnsmasq config: both kinds of line, or DNS / DHCP only. Plain downloads (the API accepts the session).
 * A labelled group: the label is plain text beside the buttons, not a segment styled like one of them.
 */
export function DnsmasqDownloads({ networkId }: { networkId: number }) {
  const labelId = `dnsmasq-downloads-${networkId}`;
  return (
    <div role="group" aria-labelledby={labelId} className="inline-flex items-center gap-2 text-sm" data-testid="dnsmasq-downloads">
      <span id={labelId} className="text-slate-600">
        <span aria-hidden>⤓ </span>dnsmasq config:
      </span>
      <span className="inline-flex rounded-md shadow-sm">
        {variants.map((variant, i) => (
          <a
            key={variant.name}
            href={`/api/v1/export/${variant.name}?network_id=${networkId}`}
            download
            data-testid={`download-${variant.name}`}
            aria-label={`Download dnsmasq ${variant.label} configuration`}
            className={`${i === 0 ? "rounded-l-md" : "-ml-px"} ${i === variants.length - 1 ? "rounded-r-md" : ""} flex items-center border border-slate-300 bg-white px-2.5 py-2 font-medium text-slate-700 hover:bg-slate-50 focus:z-10 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500`}
          >
            {variant.label}
          </a>
        ))}
      </span>
    </div>
  );
}
