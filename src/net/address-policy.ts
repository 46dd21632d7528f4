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

/** ipaddr.js's names for ranges, as a refusal message says them; others are reserved ranges it names by their RFC. */
const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback",
  private: "a private",
  linkLocal: "a link-local",
  uniqueLocal: "a unique local",
  carrierGradeNat: "a carrier-grade NAT",
  unspecified: "an unspecified",
  multicast: "a multicast",
  broadcast: "a broadcast",
  rfc6052: "a NAT64",
  "6to4": "a 6to4",
  teredo: "a Teredo",
};

/** What kind of address it is, with its article, for a refusal message ("a loopback", "a link-local", …). */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "an invalid";
  return RANGE_WORDS[ipaddr.process(address).range()] ?? "a reserved";
}
