import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { BATCH, LocalUseEmbeddings } from "../../src/embeddings/local-use-embeddings.js";

/**
 * The real sentence encoder, each distinct batch of texts computed once per test run instead of once per test: the
 * suite ingests the same reports and asks the same questions in many files, and embedding was most of its CPU.
 *
 * A model call is a pure function of its batch, and a text's vector depends (in its last bits) on the batch it was
 * in, so the memo is keyed by the whole batch, split exactly as LocalUseEmbeddings splits: every vector a test sees
 * is, bit for bit, what the model returns for that call. Both test workers share it through files in a folder made
 * for this run (tests/setup/embedding-memo-dir.ts). Child processes and worker threads a test starts are not
 * patched: they load and run the model themselves.
 */
const PATCHED = Symbol.for("dossier.test.embeddingMemo");
const proto = LocalUseEmbeddings.prototype as LocalUseEmbeddings & { [PATCHED]?: true };

// Files share one module graph per worker (isolate: false), so this setup file runs again over a patched class.
if (!proto[PATCHED]) {
  const dir = inject("embeddingMemoDir");
  const compute = proto.embedDocuments;
  const memo = new Map<string, number[][]>();

  const known = (key: string, count: number): number[][] | undefined => {
    const vectors = memo.get(key) ?? readVectors(path.join(dir, key), count);
    if (vectors) memo.set(key, vectors);
    return vectors;
  };
  const computed = async (self: LocalUseEmbeddings, key: string, batch: string[]): Promise<number[][]> => {
    try {
      const vectors = await compute.call(self, batch);
      memo.set(key, vectors);
      writeVectors(path.join(dir, key), vectors);
      return vectors;
    } finally {
      unlinkSync(lockFile(dir, key));
    }
  };

  proto.embedDocuments = async function (this: LocalUseEmbeddings, documents: string[]): Promise<number[][]> {
    const batches = [];
    for (let i = 0; i < documents.length; i += BATCH) {
      const texts = documents.slice(i, i + BATCH);
      batches.push({ texts, key: createHash("sha256").update(JSON.stringify(texts)).digest("hex") });
    }
    const out: number[][][] = [];
    // When the other worker is computing a batch, this one computes the next instead and collects that one after:
    // two files ingesting the same reports at once share the work rather than doing it twice.
    const theirs: number[] = [];
    for (const [i, { texts, key }] of batches.entries()) {
      const vectors = known(key, texts.length);
      if (vectors) out[i] = vectors;
      else if (tryLock(dir, key)) out[i] = await computed(this, key, texts);
      else theirs.push(i);
    }
    for (const i of theirs) {
      const { texts, key } = batches[i]!;
      for (;;) {
        const vectors = known(key, texts.length);
        if (vectors) {
          out[i] = vectors;
          break;
        }
        if (tryLock(dir, key)) {
          out[i] = await computed(this, key, texts);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    // Copies, so a caller that changes a vector cannot change what the next caller gets.
    return out.flat().map((v) => [...v]);
  };
  proto[PATCHED] = true;
}

const lockFile = (dir: string, key: string) => path.join(dir, `${key}.lock`);

/** Claims a batch for this worker; a claim older than a minute belongs to a worker that died, and is taken over. */
function tryLock(dir: string, key: string): boolean {
  const file = lockFile(dir, key);
  try {
    closeSync(openSync(file, "wx"));
    return true;
  } catch {
    try {
      if (Date.now() - statSync(file).mtimeMs < 60_000) return false;
      unlinkSync(file);
    } catch {
      // Released meanwhile: the vectors are there, or the next try takes the claim.
    }
    return false;
  }
}

function readVectors(file: string, count: number): number[][] | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  const all = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const width = all.length / count;
  return Array.from({ length: count }, (_, i) => Array.from(all.subarray(i * width, (i + 1) * width)));
}

/** Written whole under a temporary name, then renamed: the other worker never reads half a file. */
function writeVectors(file: string, vectors: number[][]): void {
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, Float64Array.from(vectors.flat()));
  renameSync(temporary, file);
}
