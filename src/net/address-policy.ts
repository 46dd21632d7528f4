import ipaddr from "ipaddr.js";

/**
 * Whether an IP address is an ordinary public one. Loopback, private, link-local (cloud metadata), CGNAT, multicast,
 * unspecified, documentation, NAT64 and every other special range are not, and neither is an IPv4-mapped IPv6
 * address of any of those: a bot that fetches for strangers must not become their way into our network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** What kind of address it is, for a refusal message ("loopback", "private", "linkLocal", …). */
export function addressRange(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).range() : "invalid";
}
