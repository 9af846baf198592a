/** The network's hosts for Kea and the hosts/ethers files: a menu of plain downloads (the API accepts the session). */
export function ConfigDownloads({ networkId, family }: { networkId: number; family: number }) {
  const kea = `kea-dhcp${family === 6 ? 6 : 4}`;
  const items = [
    { name: kea, query: "", label: `Kea DHCPv${family === 6 ? 6 : 4} config` },
    { name: kea, query: "&format=fragment", label: `Kea subnet${family === 6 ? 6 : 4} fragment` },
    { name: "hosts-file", query: "", label: "/etc/hosts" },
    // ethers holds IPv4 only.
    ...(family === 4 ? [{ name: "ethers", query: "", label: "/etc/ethers" }] : []),
    // The zones holding this network's hosts (forward and reverse), with their named.conf lines.
    { name: "bind", query: "", label: "BIND zones (.tar.gz)" },
  ];
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 [&::-webkit-details-marker]:hidden">
        <span aria-hidden>⤓</span> More exports <span aria-hidden className="text-slate-400">▾</span>
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        {items.map((item) => (
          <li key={`${item.name}${item.query}`}>
            <a
              href={`/api/v1/export/${item.name}?network_id=${networkId}${item.query}`}
              download
              data-testid={`download-${item.name}${item.query ? "-fragment" : ""}`}
              className="block rounded px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
