import { z } from "zod";
import type { Manifest, ReportRecord } from "./records.js";

/** What an index generation's JSON files must hold; anything else on disk is a corrupt index, not a crash later. */
const reportRecord: z.ZodType<ReportRecord> = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  hash: z.string(),
  sentenceCount: z.number().int().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
  ingestedAt: z.string(),
  origin: z
    .object({
      kind: z.enum(["text", "pdf", "web", "docx"]),
      url: z.string().optional(),
      byline: z.string().optional(),
      published: z.string().optional(),
      pageStarts: z.array(z.number().int().nonnegative()).optional(),
    })
    .optional(),
});

export const manifestSchema: z.ZodType<Manifest> = z.object({
  formatVersion: z.number(),
  embedder: z.object({ name: z.string(), dimensions: z.number().int().positive() }),
  chunking: z.object({ sentences: z.number().int().positive(), overlap: z.number().int().nonnegative() }),
  analysis: z.number().int().optional(),
  reports: z.array(reportRecord),
  refused: z.array(z.object({ source: z.string(), fingerprint: z.string(), reason: z.string() })),
  segments: z.array(z.object({ name: z.string().regex(/^seg-[0-9]+-[0-9a-f]+$/), chunks: z.number().int().nonnegative(), reports: z.array(z.string()) })),
  checksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  updatedAt: z.string(),
});

/** Just the list of reports, which a damaged or older-format manifest may still give: enough to repair from sources. */
export const reportListSchema = z.object({ reports: z.array(reportRecord) });
