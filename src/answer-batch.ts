/**
 * Hands the node server the answers that were awaited (a create, an update,
 * anything that read a body) together, once per turn of the event loop: in
 * the turn's check phase, after every request the turn read has been handled.
 * Each answer keeps its bytes, and node keeps each connection's order.
 *
 * Why: a response written to a socket whose client sleeps in its poll wakes
 * that client's core, and the kernel bills the wake-up to the writer. Written
 * one by one between the handling of requests, nearly every create paid it
 * (under wrk with 50 connections, a create's kernel time roughly halved once
 * batched). In a burst, the first answer wakes the client and the rest find it
 * awake: the batching Netty's flush consolidation does. An answer ready at
 * once is not held: measured, holding gets and lists saved them nothing, while
 * each held answer keeps its request's objects alive into the next scavenge.
 */
export function createAnswerBatch(): <T>(answer: T | Promise<T>) => T | Promise<T> {
  let waiting: Array<() => void> = [];
  const release = () => {
    const batch = waiting;
    waiting = [];
    for (const send of batch) send();
  };
  return <T>(answer: T | Promise<T>) =>
    answer instanceof Promise
      ? new Promise<T>((resolve, reject) => {
          answer.then((value) => {
            if (waiting.push(() => resolve(value)) === 1) setImmediate(release);
          }, reject);
        })
      : answer;
}
