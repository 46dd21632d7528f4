import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/**
 * A small fake of Discord's REST API and gateway on 127.0.0.1, enough for the real discord.js Client to log in,
 * receive interactions and answer them. Every REST call is recorded so tests can assert on exactly what the bot sent.
 */

export const APP_ID = "100000000000000001";
export const CHANNEL_ID = "400000000000000001";

export interface RecordedRequest {
  method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/{app}/{token}/messages/@original`. */
  path: string;
  body: any;
  authorization: string | undefined;
  /** What the fake answered: 200 or 204, or the status of a scripted failure. */
  status: number;
}

interface ScriptedFailure {
  match: (req: RecordedRequest) => boolean;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeDiscord {
  /** Pass as DISCORD_API_URL. */
  apiUrl: string;
  requests: RecordedRequest[];
  /** The `d` of the last gateway IDENTIFY: token, intents, properties. */
  identified: () => any;
  /** Every IDENTIFY's `d`, in order (one per shard when the bot is sharded). */
  identifications: any[];
  /** Serves `content` at a URL on the fake, as Discord's CDN serves attachments. */
  hostFile(name: string, content: string | Uint8Array): string;
  /** The next request matching `match` gets this response instead (e.g. a 429), once. */
  failOnce(match: (req: RecordedRequest) => boolean, status: number, body: unknown, headers?: Record<string, string>): void;
  /** Sends a gateway INTERACTION_CREATE to every connected client. */
  dispatchInteraction(payload: Record<string, unknown>): void;
  /** Resolves with the first request (already seen or future) matching `match`. */
  waitFor(match: (req: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

let messageIds = 200000000000000000n;

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const failures: ScriptedFailure[] = [];
  const files = new Map<string, Buffer>();
  const waiters: Array<{ match: (req: RecordedRequest) => boolean; resolve: (req: RecordedRequest) => void }> = [];
  const sockets = new Set<WebSocket>();
  let sequence = 0;
  let identify: unknown;
  const identifications: unknown[] = [];
  let origin = "";

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", origin);
    // discord.js URL-encodes `@original`; match on the decoded path.
    const path = decodeURIComponent(url.pathname);

    if (path.startsWith("/files/")) {
      const file = files.get(path.slice("/files/".length));
      if (file === undefined) return void res.writeHead(404).end();
      return void res.writeHead(200, { "content-type": "text/plain", "content-length": file.length }).end(file);
    }

    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: path.replace(/^\/api\/v\d+/, ""),
      body: await readJson(req),
      authorization: req.headers.authorization,
      status: 0,
    };
    requests.push(recorded);

    const failure = failures.findIndex((f) => f.match(recorded));
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      recorded.status = f!.status;
      res.writeHead(f!.status, { "content-type": "application/json", ...f!.headers }).end(JSON.stringify(f!.body));
    } else {
      const reply = respond(recorded);
      // An empty 204 must not claim a JSON body, or the REST client tries to parse it and emits an error.
      recorded.status = reply === undefined ? 204 : 200;
      if (reply === undefined) res.writeHead(204).end();
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    }
    for (const waiter of [...waiters]) {
      if (waiter.match(recorded)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }
  });

  function respond(req: RecordedRequest): unknown {
    const { method, path, body } = req;
    if (method === "GET" && path === "/gateway/bot") {
      return {
        url: origin.replace(/^http/, "ws") + "/gateway",
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      };
    }
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return undefined;
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return (body as unknown[]).map((command, i) => ({ id: String(300000000000000000n + BigInt(i)), application_id: APP_ID, version: "1", ...(command as object) }));
    }
    const webhook = /^\/webhooks\/\d+\/[^/]+(\/messages\/(@original|\d+))?$/.exec(path);
    if (webhook) return method === "DELETE" ? undefined : botMessage(body);
    return { message: `fake Discord has no route for ${method} ${path}` };
  }

  const gateway = new WebSocketServer({ server, path: "/gateway" });
  gateway.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    socket.on("message", (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        identify = packet.d;
        identifications.push(packet.d);
        socket.send(
          JSON.stringify({
            op: 0,
            t: "READY",
            s: ++sequence,
            d: {
              v: 10,
              user: { id: APP_ID, username: "Dossier", discriminator: "0", global_name: null, avatar: null, bot: true },
              // No guilds, so the client is ready at once instead of waiting for GUILD_CREATE events.
              guilds: [],
              session_id: "fake-session",
              resume_gateway_url: origin.replace(/^http/, "ws") + "/gateway",
              application: { id: APP_ID, flags: 0 },
            },
          }),
        );
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api`,
    requests,
    identified: () => identify,
    identifications,
    hostFile(name, content) {
      files.set(name, Buffer.from(content));
      return `${origin}/files/${name}`;
    },
    failOnce(match, status, body, headers = {}) {
      failures.push({ match, status, body, headers });
    },
    dispatchInteraction(payload) {
      const packet = JSON.stringify({ op: 0, t: "INTERACTION_CREATE", s: ++sequence, d: payload });
      for (const socket of sockets) socket.send(packet);
    },
    waitFor(match, timeoutMs = 10_000) {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          if (!waiters.includes(waiter)) return;
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
        }, timeoutMs).unref();
      });
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      gateway.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The full message object Discord returns for a webhook send or edit; discord.js builds a Message from it. */
export function botMessage(body: any): Record<string, unknown> {
  return {
    id: String(++messageIds),
    channel_id: CHANNEL_ID,
    type: 20,
    content: body?.content ?? "",
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: [],
    author: { id: APP_ID, username: "Dossier", discriminator: "0", global_name: null, avatar: null, bot: true },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: body?.flags ?? 0,
    webhook_id: APP_ID,
    application_id: APP_ID,
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
