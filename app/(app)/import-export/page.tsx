import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import/Export" };

const dnsmasq = [
  { href: "/export/hosts/dnsmasq", label: "DNS + DHCP", hint: "host-record, cname and dhcp-host lines in one file", testId: "export-dnsmasq" },
  { href: "/export/hosts/dnsmasq-dns", label: "DNS only", hint: "host-record and cname lines", testId: "export-dnsmasq-dns" },
  { href: "/export/hosts/dnsmasq-dhcp", label: "DHCP only", hint: "dhcp-host lines for hosts with a MAC address", testId: "export-dnsmasq-dhcp" },
];

// Kea takes the whole file or a subnet list to include; hosts and ethers are the classic files (dnsmasq reads both too).
const daemons = [
  { href: "/api/v1/export/kea-dhcp4", label: "Kea DHCPv4", hint: "kea-dhcp4.conf: subnet4 with pools, routers, domain-name and reservations", testId: "export-kea-dhcp4" },
  { href: "/api/v1/export/kea-dhcp4?format=fragment", label: "Kea DHCPv4 subnets", hint: "the subnet4 list, to include in your own kea-dhcp4.conf", testId: "export-kea-dhcp4-fragment" },
  { href: "/api/v1/export/kea-dhcp6", label: "Kea DHCPv6", hint: "kea-dhcp6.conf: subnet6 with pools, domain-search and reservations", testId: "export-kea-dhcp6" },
  { href: "/api/v1/export/kea-dhcp6?format=fragment", label: "Kea DHCPv6 subnets", hint: "the subnet6 list, to include in your own kea-dhcp6.conf", testId: "export-kea-dhcp6-fragment" },
  { href: "/api/v1/export/hosts-file", label: "/etc/hosts", hint: "IP, FQDN, short name and aliases, one line per address", testId: "export-hosts-file" },
  { href: "/api/v1/export/ethers", label: "/etc/ethers", hint: "MAC and IPv4 address of each host with a MAC (dnsmasq --read-ethers)", testId: "export-ethers" },
];

const bindZones = { href: "/api/v1/export/bind", label: "All zones (.tar.gz)", hint: "a zone file per domain and per reverse zone (in-addr.arpa, RFC 2317 blocks, ip6.arpa), with a named.conf fragment", testId: "export-bind" };

const data = [
  { href: "/api/v1/export/csv?type=hosts", label: "Hosts CSV", testId: "export-hosts-csv" },
  { href: "/api/v1/export/csv?type=networks", label: "Networks CSV", testId: "export-networks-csv" },
  { href: "/api/v1/export/json?type=hosts", label: "Hosts JSON", testId: "export-hosts-json" },
  { href: "/api/v1/export/json?type=networks", label: "Networks JSON", testId: "export-networks-json" },
  { href: "/api/v1/export/xlsx?type=hosts", label: "Hosts XLSX", testId: "export-hosts-xlsx" },
  { href: "/api/v1/export/xlsx?type=networks", label: "Networks XLSX", testId: "export-networks-xlsx" },
];

interface Download { href: string; label: string; hint: string; testId: string }

/** Each configuration file: what it is, a line on what it holds, and its download. */
function DownloadList({ items }: { items: Download[] }) {
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.href} className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <p className="text-sm font-medium text-slate-800">{item.label}</p>
            <p className="text-xs text-slate-500">{item.hint}</p>
          </div>
          <LinkButton href={item.href} download data-testid={item.testId}>⤓ Download</LinkButton>
        </li>
      ))}
    </ul>
  );
}

export default async function ImportExportPage() {
  const actor = await requirePageActor();
  return (
    <>
      <PageHeader title="Import/Export" subtitle="Download configuration for dnsmasq or your data as CSV/JSON/XLSX; import hosts and networks from files." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="dnsmasq configuration">
          <DownloadList items={dnsmasq} />
          <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">
            Per-network files are on each network&apos;s page. Point dnsmasq at the file with <code className="font-mono">conf-file=</code> or drop it into <code className="font-mono">/etc/dnsmasq.d/</code>.
          </p>
        </Card>
        <Card title="Kea, /etc/hosts and /etc/ethers">
          <DownloadList items={daemons} />
          <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">
            Each file leaves out, with a comment, the rows the dnsmasq file leaves out. Kea&apos;s subnet ids are the networks&apos; ids, so leases stay with their subnet across exports.
          </p>
        </Card>
        <Card title="BIND zone files">
          <DownloadList items={[bindZones]} />
          <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">
            One zone: <code className="font-mono">/api/v1/export/bind?domain=lab.example</code> or <code className="font-mono">?reverse=192.0.2.0/24</code>. Name servers, contact and TTL come from <code className="font-mono">DNS_ZONE_NS</code>, <code className="font-mono">DNS_ZONE_CONTACT</code>, <code className="font-mono">DNS_ZONE_TTL</code>.
          </p>
        </Card>
        <div className="space-y-6">
          <Card title="Export data">
            <div className="flex flex-wrap gap-2">
              {data.map((item) => (
                <LinkButton key={item.href} href={item.href} download data-testid={item.testId}>⤓ {item.label}</LinkButton>
              ))}
            </div>
            <p className="mt-3 text-xs text-slate-500">The same files are available to scripts from the REST API (<code className="font-mono">/api/v1/export/…</code>).</p>
          </Card>
          <Card title="Import">
            {hasRole(actor.role, "editor") ? (
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="text-sm text-slate-600">Load hosts or networks from CSV, JSON or XLSX (the first sheet), or the original app&apos;s <code className="font-mono">ipam.db</code>, with a preview before anything is written.</p>
                <LinkButton href="/import-export/import" variant="primary">Import…</LinkButton>
              </div>
            ) : (
              <p className="text-sm text-slate-600">Importing needs the editor role.</p>
            )}
          </Card>
          {hasRole(actor.role, "admin") && (
            <Card title="Backup">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="text-sm text-slate-600">Everything (networks, hosts, users, API tokens) as one file, read from one consistent snapshot. Restore it on either database engine with <code className="font-mono">npm run admin -- restore &lt;file&gt;</code>.</p>
                <LinkButton href="/api/v1/backup" download data-testid="download-backup">⤓ Download backup</LinkButton>
              </div>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
