import os from "node:os";
import { createRequire } from "node:module";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  hnswlibNode: string;
  date: string;
}

export function machineInfo(): MachineInfo {
  const require = createRequire(import.meta.url);
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    hnswlibNode: (require("hnswlib-node/package.json") as { version: string }).version,
    date: new Date().toISOString(),
  };
}
