import path from "node:path";
import { DossierError } from "../errors.js";
import { REPORT_EXTENSIONS, reportIdFromPath } from "../index/read-report.js";

/**
 * The corpus file name an upload is saved under: the report id the engine will derive from it, plus the
 * extension. Normalising here keeps path separators and dot-files out of the corpus folder and makes the saved
 * name agree with the id the reply announces.
 */
export function reportFileName(uploadName: string): string {
  const ext = path.extname(uploadName).toLowerCase();
  if (!REPORT_EXTENSIONS.includes(ext)) {
    throw new DossierError("BAD_REPORT", `"${uploadName}" is not a report Dossier can read (${REPORT_EXTENSIONS.join(", ")}).`);
  }
  const id = reportIdFromPath(uploadName);
  if (id === "") {
    throw new DossierError("BAD_REPORT", `"${uploadName}" gives no usable report id; rename it, e.g. border-talks.txt.`);
  }
  return `${id}${ext}`;
}

/** Checked on the size a front end is told before it downloads anything, on what a download declares, and on the bytes. */
export function checkReportSize(bytes: number, maxBytes: number): void {
  if (bytes > maxBytes) {
    throw new DossierError("BAD_REPORT", `That report is ${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}.`);
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
