import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * PostgreSQL with pgvector in this process (PGlite, a development dependency), served on 127.0.0.1 by pglite-socket
 * so the `pg` driver reaches it over the wire protocol as it reaches a real server. pglite-socket multiplexes several
 * connections onto PGlite's one session: queries run in turn and a transaction's statements are kept together, but
 * session state is shared (an advisory lock taken on one connection is held by all). `loadDataDir` (a
 * `dumpDataDir()` of another PGlite) skips initdb, most of a start's CPU.
 */
export async function startPglite(options: { loadDataDir?: Blob } = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await PGlite.create({ extensions: { vector }, ...options });
  const socket = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 16 });
  await socket.start();
  return {
    url: `postgres://postgres:postgres@${socket.getServerConn()}/postgres`,
    stop: async () => {
      await socket.stop();
      await db.close();
    },
  };
}
