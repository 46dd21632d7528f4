import ipaddr from "ipaddr.js";

/**
 * `ALLOW_PRIVATE_URLS`: unset or `false` refuses every non-public address; `true` allows them all (a private
 * deployment); a comma-separated list of addresses or CIDR ranges (`127.0.0.1`, `10.0.0.0/8`) allows just those,
 * as the tests do for their local server. Returns undefined for a value that is none of these.
 */
export function parsePrivateAllowance(value: string | undefined): ((address: string) => boolean) | undefined {
  const v = value?.trim().toLowerCase();
  if (v === undefined || v === "" || v === "false" || v === "0") return () => false;
  if (v === "true" || v === "1") return () => true;
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const part of v.split(",").map((p) => p.trim())) {
    if (ipaddr.isValidCIDR(part)) ranges.push(ipaddr.parseCIDR(part));
    else if (ipaddr.isValid(part)) {
      const address = ipaddr.process(part);
      ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else return undefined;
  }
  return (address) => {
    if (!ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address);
    return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  };
}
