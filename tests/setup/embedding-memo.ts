import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { LocalUseEmbeddings, modelBatches } from "../../src/embeddings/local-use-embeddings.js";

/**
 * The real sentence encoder, each distinct text computed once per test run instead of once per test: the suite
 * ingests the same reports and asks the same questions in many files, and embedding was most of its CPU.
 *
 * A text's vector is, bit for bit, what the model returns for that text alone, whatever it is embedded with
 * (LocalUseEmbeddings batches only texts of one token count; tests/integration/embeddings-contract.test.ts checks it),
 * so the memo is keyed by text, and the texts it has not seen are computed by the real class in the model calls it
 * would make for them. Both test workers share it through files in a folder made for this run
 * (tests/setup/embedding-memo-dir.ts). Child processes and worker threads a test starts are not patched: they load
 * and run the model themselves.
 */
const PATCHED = Symbol.for("dossier.test.embeddingMemo");
const proto = LocalUseEmbeddings.prototype as LocalUseEmbeddings & { [PATCHED]?: true };

// Files share one module graph per worker (isolate: false), so this setup file runs again over a patched class.
if (!proto[PATCHED]) {
  const dir = inject("embeddingMemoDir");
  const compute = proto.embedDocuments;
  const memo = new Map<string, number[]>();

  const known = (key: string): number[] | undefined => {
    const vector = memo.get(key) ?? readVector(path.join(dir, key));
    if (vector) memo.set(key, vector);
    return vector;
  };
  const computed = async (self: LocalUseEmbeddings, texts: Map<string, string>): Promise<void> => {
    try {
      const vectors = await compute.call(self, [...texts.values()]);
      [...texts.keys()].forEach((key, i) => {
        memo.set(key, vectors[i]!);
        writeVector(path.join(dir, key), vectors[i]!);
      });
    } finally {
      for (const key of texts.keys()) unlinkSync(lockFile(dir, key));
    }
  };

  /**
   * The texts of one round of model calls: those every caller asked for while the previous round was computing, or in
   * the same turn of the event loop. Texts of one token count are what the model embeds together, and a text that
   * arrives alone (a follow-up's reading, a question's part) is embedded alone at about twice the CPU per text; tests
   * that ask many questions at once (tests/integration/quality.test.ts) have them embedded together.
   */
  const computeRound = async (self: LocalUseEmbeddings, unknown: Map<string, string>): Promise<void> => {
    const texts = [...unknown.values()];
    const unknownKeys = [...unknown.keys()];
    // Texts of one token count at a time (what the model embeds together), those the other worker is computing are
    // collected after this worker has computed the rest: two files ingesting the same reports or asking the same
    // questions at once share the work rather than doing it twice, in few model calls.
    const theirs = new Map<string, string>();
    for (const group of await modelBatches(texts, Number.POSITIVE_INFINITY)) {
      const mine = new Map<string, string>();
      for (const i of group) {
        const key = unknownKeys[i]!;
        if (known(key)) continue;
        if (tryLock(dir, key)) mine.set(key, texts[i]!);
        else theirs.set(key, texts[i]!);
      }
      if (mine.size > 0) await computed(self, mine);
    }
    for (const [key, text] of theirs) {
      while (!known(key)) {
        if (tryLock(dir, key)) await computed(self, new Map([[key, text]]));
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  };
  let waiting = new Map<string, string>();
  let round: Promise<void> | undefined;

  proto.embedDocuments = async function (this: LocalUseEmbeddings, documents: string[]): Promise<number[][]> {
    const keys = documents.map((text) => createHash("sha256").update(text).digest("hex"));
    documents.forEach((text, i) => {
      if (!known(keys[i]!)) waiting.set(keys[i]!, text);
    });
    while (!keys.every((key) => memo.has(key))) {
      if (round) {
        await round;
        continue;
      }
      // Callers of this turn of the event loop join the round.
      round = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => {
          const texts = waiting;
          waiting = new Map();
          return computeRound(this, new Map([...texts].filter(([key]) => !known(key))));
        })
        .finally(() => (round = undefined));
      await round;
    }
    // Copies, so a caller that changes a vector cannot change what the next caller gets.
    return keys.map((key) => [...memo.get(key)!]);
  };
  proto[PATCHED] = true;
}

const lockFile = (dir: string, key: string) => path.join(dir, `${key}.lock`);

/** Claims a text for this worker; a claim older than a minute belongs to a worker that died, and is taken over. */
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
      // Released meanwhile: the vector is there, or the next try takes the claim.
    }
    return false;
  }
}

function readVector(file: string): number[] | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  return Array.from(new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
}

/** Written whole under a temporary name, then renamed: the other worker never reads half a file. */
function writeVector(file: string, vector: number[]): void {
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, Float64Array.from(vector));
  renameSync(temporary, file);
}
