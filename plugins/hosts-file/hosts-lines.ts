// Lines of /etc/hosts and /etc/ethers. Every field is re-checked data
// (plugins/dnsmasq/checks.ts); the guard makes a line with anything but
// [a-z0-9.:-] fields (a '#', a quote, a line break) impossible to emit.

const HOSTS_LINE = /^[0-9a-f.:]+(?:\t[a-z0-9.-]+(?: [a-z0-9.-]+)*)$/;
const ETHERS_LINE = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5} [0-9.]+$/;
const COMMENT = /^# [\x20-\x7e]*$/;

function guarded(pattern: RegExp, line: string): string {
  if (!pattern.test(line)) throw new Error("refusing to write an unsafe hosts/ethers line");
  return line;
}

/** `IP<TAB>canonical-fqdn short-name aliases…`: the first name is the one a reverse lookup answers. */
export const hostsLine = (ip: string, names: readonly string[]) => guarded(HOSTS_LINE, `${ip}\t${names.join(" ")}`);

/** `MAC IP`: dnsmasq --read-ethers makes it a static DHCP lease. */
export const ethersLine = (mac: string, ip: string) => guarded(ETHERS_LINE, `${mac} ${ip}`);

export const commentLine = (text: string) => guarded(COMMENT, `# ${text}`);
