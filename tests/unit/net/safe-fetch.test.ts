import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "../../../src/net/address-policy.js";
import { parsePrivateAllowance } from "../../../src/core/private-allowance.js";
import { type FetchPolicy, safeFetch } from "../../../src/net/safe-fetch.js";

let server: http.Server;
let base: string;
let streamed = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const hop = /^\/hop\/(\d+)$/.exec(url);
    if (hop) {
      const n = Number(hop[1]);
      res.writeHead(302, { location: n === 0 ? "/page" : `/hop/${n - 1}` }).end();
    } else if (url === "/page") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>hello</p>");
    } else if (url === "/to-private") {
      res.writeHead(301, { location: "http://10.0.0.7/secret" }).end();
    } else if (url === "/to-metadata") {
      res.writeHead(307, { location: "http://[::ffff:169.254.169.254]/latest/meta-data" }).end();
    } else if (url === "/to-localhost") {
      res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/page` }).end();
    } else if (url === "/to-file") {
      res.writeHead(302, { location: "file:///etc/passwd" }).end();
    } else if (url === "/endless") {
      // Chunked with no end: the size cap must hold while streaming, whatever the headers say.
      res.writeHead(200, { "content-type": "text/plain", "x-claimed-length": "10" });
      const block = Buffer.alloc(64 * 1024, 97);
      const pump = () => {
        while (!res.destroyed && res.write(block)) streamed += block.length;
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    } else if (url === "/declared-huge") {
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(50_000_000) });
      res.write("a");
    } else if (url === "/slow") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("a");
    } else if (url === "/silent") {
      // Accepts the request and never answers.
    } else if (url === "/zip") {
      res.writeHead(200, { "content-type": "application/zip" }).end("PK");
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const policy = (overrides: Partial<FetchPolicy> = {}): FetchPolicy => ({
  privateAllowed: parsePrivateAllowance("127.0.0.1")!,
  maxBytes: 100_000,
  maxRedirects: 3,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  acceptContentType: (type) => type.startsWith("text/"),
  ...overrides,
});

describe("safeFetch", () => {
  it("fetches from an allowed address and follows up to three redirects, each checked", async () => {
    const got = await safeFetch(`${base}/hop/2`, policy());
    expect(new TextDecoder().decode(got.bytes)).toBe("<p>hello</p>");
    expect(got.url).toBe(`${base}/page`);
    expect(got.contentType).toBe("text/html");
    await expect(safeFetch(`${base}/hop/3`, policy())).rejects.toThrow(/more than 3 redirects/);
  });

  it("refuses loopback when private addresses are not allowed, by literal address and by name", async () => {
    const off = policy({ privateAllowed: () => false });
    await expect(safeFetch(`${base}/page`, off)).rejects.toThrow(/127\.0\.0\.1 is a loopback address \(127\.0\.0\.1\), not a public one; refused/);
    const port = (server.address() as AddressInfo).port;
    await expect(safeFetch(`http://localhost:${port}/page`, off)).rejects.toThrow(/localhost is a loopback address/);
    await expect(safeFetch(`http://[::ffff:7f00:1]:${port}/page`, off)).rejects.toThrow(/loopback/);
    await expect(safeFetch(`http://0.0.0.0:${port}/page`, off)).rejects.toThrow(/0\.0\.0\.0 is an unspecified address \(0\.0\.0\.0\), not a public one/);
  });

  it("refuses a redirect to a private, metadata or file address even when the first address was allowed", async () => {
    await expect(safeFetch(`${base}/to-private`, policy())).rejects.toThrow(/10\.0\.0\.7 is a private address/);
    await expect(safeFetch(`${base}/to-metadata`, policy())).rejects.toThrow(/\[::ffff:a9fe:a9fe\] is a link-local address \(::ffff:a9fe:a9fe\), not a public one; refused/);
    await expect(safeFetch(`${base}/to-file`, policy())).rejects.toThrow(/only http and https/);
  });

  it("cuts a chunked body at the limit while it streams, and refuses a declared size over it at once", async () => {
    await expect(safeFetch(`${base}/endless`, policy())).rejects.toThrow(/the body is over the 100000-byte limit/);
    expect(streamed).toBeLessThan(50_000_000);
    await expect(safeFetch(`${base}/declared-huge`, policy())).rejects.toThrow(/50000000 bytes is over the 100000-byte limit/);
  });

  it("gives up on a server that is too slow, with the time it waited", async () => {
    // Both at once: each waits out its own 0.3 s.
    await Promise.all([
      expect(safeFetch(`${base}/slow`, policy({ totalTimeoutMs: 300 }))).rejects.toThrow(/no complete answer within 0\.3 s/),
      expect(safeFetch(`${base}/silent`, policy({ totalTimeoutMs: 300 }))).rejects.toThrow(/no complete answer within 0\.3 s/),
    ]);
  });

  it("checks the content type, the scheme, user info and allowed hosts", async () => {
    await expect(safeFetch(`${base}/zip`, policy())).rejects.toThrow(/content type application\/zip is not a report/);
    await expect(safeFetch("ftp://example.com/x", policy())).rejects.toThrow(/only http and https/);
    await expect(safeFetch("not a url", policy())).rejects.toThrow(/not a valid URL/);
    await expect(safeFetch(`http://user:pw@127.0.0.1/x`, policy())).rejects.toThrow(/^http:\/\/127\.0\.0\.1\/x: addresses with a user name/);
    await expect(safeFetch(`${base}/page`, policy({ allowedHosts: ["cdn.discordapp.com"] }))).rejects.toThrow(/127\.0\.0\.1 is not an allowed host here \(cdn\.discordapp\.com\)$/);
  });

  it("keeps every redirect on the allowed hosts, as attachment downloads need", async () => {
    const onlyHere = policy({ allowedHosts: ["127.0.0.1"] });
    expect((await safeFetch(`${base}/hop/1`, onlyHere)).url).toBe(`${base}/page`);
    await expect(safeFetch(`${base}/to-localhost`, onlyHere)).rejects.toThrow(/^http:\/\/localhost:\d+\/page: localhost is not an allowed host here \(127\.0\.0\.1\)$/);
  });
});

describe("address rules", () => {
  it("allows only ordinary public addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "64:ff9b::a00:1"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPublicAddress(a), a).toBe(true);
  });

  it("reads ALLOW_PRIVATE_URLS as off, all, or a list of addresses and ranges", () => {
    expect(parsePrivateAllowance(undefined)!("127.0.0.1")).toBe(false);
    expect(parsePrivateAllowance("true")!("10.0.0.1")).toBe(true);
    const some = parsePrivateAllowance("127.0.0.1, 10.0.0.0/8")!;
    expect([some("127.0.0.1"), some("10.9.9.9"), some("127.0.0.2"), some("::ffff:127.0.0.1"), some("192.168.0.1")]).toEqual([true, true, false, true, false]);
    expect(parsePrivateAllowance("yes please")).toBeUndefined();
  });
});
