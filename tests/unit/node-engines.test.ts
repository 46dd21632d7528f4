import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

interface LockedPackage {
  version: string;
  dev?: boolean;
  engines?: { node?: string };
}

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockedPackage> };
const declared = Object.entries(lock.packages).filter(([file, p]) => file !== "" && p.engines?.node !== undefined);

/**
 * Dev-only packages that declare a newer Node than the one the suite runs on here, each with why that is fine.
 * docx (used only to write .docx fixtures in tests) pulls nanoid 6, which declares Node 22+; the suite passes on
 * Node 20 with it, and no product code loads it.
 */
const DEV_DECLARING_NEWER = new Set(["node_modules/docx/node_modules/nanoid"]);

describe("Node versions", () => {
  it("every runtime dependency accepts the oldest Node that package.json promises", () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const refusing = declared
      .filter(([, p]) => !p.dev && !semver.satisfies(oldest, p.engines!.node!))
      .map(([file, p]) => `${file}@${p.version} wants node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it("every dev dependency accepts the Node running the tests, but for the few listed with their reason", () => {
    const refusing = declared
      .filter(([file, p]) => p.dev && !DEV_DECLARING_NEWER.has(file) && !semver.satisfies(process.versions.node, p.engines!.node!))
      .map(([file, p]) => `${file}@${p.version} wants node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
