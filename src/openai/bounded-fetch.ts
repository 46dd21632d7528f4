import { ReplyTooLargeError } from "./model-failure.js";

/**
 * `fetch` for the OpenAI client with the reply's body cut at `maxBytes`, whatever Content-Length says: the client
 * reads a body whole, so a server that sent without end was held whole in memory (a process went past 900 MB for a
 * 200 MB reply), and a streamed line without end is parsed at about a megabyte a second.
 */
export function boundedFetch(maxBytes: number, transport: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await transport(input, init);
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new ReplyTooLargeError(`the reply declares ${declared} bytes, over ${maxBytes}`);
    }
    if (!response.body) return response;
    let seen = 0;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new ReplyTooLargeError(`the reply went past ${maxBytes} bytes`));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
