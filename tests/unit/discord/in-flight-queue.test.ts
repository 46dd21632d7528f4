import { describe, expect, it } from "vitest";
import { InFlightQueue } from "../../../src/discord/in-flight-queue.js";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Every slot was given back: `cap` new tasks all start at once, none of them told to wait. */
async function expectAllSlotsFree(queue: InFlightQueue, cap: number) {
  const gate = deferred();
  let started = 0;
  let queued = 0;
  const tasks = Array.from({ length: cap }, (_, i) =>
    queue.run(`check-${i}`, async () => {
      started++;
      await gate.promise;
    }, () => queued++),
  );
  await tick();
  expect({ started, queued }).toEqual({ started: cap, queued: 0 });
  gate.resolve();
  await Promise.all(tasks);
}

describe("InFlightQueue", () => {
  it("never runs more than the cap at once, and runs everything", async () => {
    const queue = new InFlightQueue(2);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.run(`user-${i % 3}`, async () => {
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(queue.queued).toBe(0);
    await expectAllSlotsFree(queue, 2);
  });

  it("serves waiting users round-robin so one user's burst cannot starve another", async () => {
    const queue = new InFlightQueue(1);
    const gate = deferred();
    const order: string[] = [];
    const blocker = queue.run("x", () => gate.promise);
    const jobs = [
      ...["a1", "a2", "a3"].map((id) => queue.run("a", async () => void order.push(id))),
      queue.run("b", async () => void order.push("b1")),
      queue.run("c", async () => void order.push("c1")),
    ];
    gate.resolve();
    await Promise.all([blocker, ...jobs]);
    expect(order).toEqual(["a1", "b1", "c1", "a2", "a3"]);
  });

  it("tells a queued caller how many are waiting", async () => {
    const queue = new InFlightQueue(1);
    const gate = deferred();
    const seen: number[] = [];
    const first = queue.run("a", () => gate.promise, () => seen.push(-1));
    const second = queue.run("b", async () => 2, (n) => seen.push(n));
    const third = queue.run("c", async () => 3, (n) => seen.push(n));
    expect(seen).toEqual([1, 2]);
    expect(queue.queued).toBe(2);
    gate.resolve();
    expect(await Promise.all([first, second, third])).toEqual([undefined, 2, 3]);
  });

  it("passes a failure to its caller and keeps serving the rest", async () => {
    const queue = new InFlightQueue(1);
    const failing = queue.run("a", async () => {
      throw new Error("boom");
    });
    const next = queue.run("b", async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
  });

  it("treats a task that throws synchronously like a rejected one", async () => {
    const queue = new InFlightQueue(1);
    await expect(
      queue.run("a", () => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    await expectAllSlotsFree(queue, 1);
  });
});
