import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAnswerBatch, handleWithTheTurn } from '../../src/answer-batch.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createAnswerBatch: answers leave together, after the turn that made them', () => {
  it('releases the awaited answers of one turn in the check phase, in the order they became ready', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const released: string[] = [];
    const given = [answerWithTheTurn(Promise.resolve('first')), answerWithTheTurn(Promise.resolve('second')), answerWithTheTurn(Promise.resolve('third'))];
    for (const answer of given) void (answer as Promise<string>).then((value) => released.push(value));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(released).toEqual([]);
    await nextTurn();
    expect(released).toEqual(['first', 'second', 'third']);
  });

  it('hands an answer that is ready at once back as it is, not held', () => {
    const answerWithTheTurn = createAnswerBatch();
    const ready = { status: 200 };
    expect(answerWithTheTurn(ready)).toBe(ready);
  });

  it('puts an answer that is ready only in a later turn into that turn\'s batch', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const released: string[] = [];
    void (answerWithTheTurn(Promise.resolve('now')) as Promise<string>).then((value) => released.push(value));
    const later = new Promise<string>((resolve) => setTimeout(() => resolve('later'), 5));
    void (answerWithTheTurn(later) as Promise<string>).then((value) => released.push(value));
    await Promise.resolve();
    await nextTurn();
    expect(released).toEqual(['now']);
    await later;
    await nextTurn();
    expect(released).toEqual(['now', 'later']);
  });

  it('passes a failed answer on as it failed, without holding it', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const failure = new Error('the data file cannot be written');
    await expect(answerWithTheTurn(Promise.reject(failure))).rejects.toBe(failure);
  });
});

describe('handleWithTheTurn: the requests a turn read are handled together, in its check phase', () => {
  const request = (name: string) => ({ name }) as unknown as IncomingMessage;
  const response = (name: string) => ({ name }) as unknown as ServerResponse;
  const nameOf = (value: IncomingMessage | ServerResponse) => (value as unknown as { name: string }).name;

  it('runs the listener for each request of the turn after the turn, in arrival order, with its own response', async () => {
    const handled: string[] = [];
    const listen = handleWithTheTurn((incoming: IncomingMessage, outgoing: ServerResponse) => handled.push(`${nameOf(incoming)}>${nameOf(outgoing)}`));
    listen(request('a'), response('A'));
    listen(request('b'), response('B'));
    listen(request('c'), response('C'));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(handled).toEqual([]);
    await nextTurn();
    expect(handled).toEqual(['a>A', 'b>B', 'c>C']);
  });

  it('runs a request that arrives in a later turn in that turn', async () => {
    const handled: string[] = [];
    const listen = handleWithTheTurn((incoming: IncomingMessage, _outgoing: ServerResponse) => handled.push(nameOf(incoming)));
    listen(request('first'), response('1'));
    await nextTurn();
    expect(handled).toEqual(['first']);
    listen(request('second'), response('2'));
    await nextTurn();
    expect(handled).toEqual(['first', 'second']);
  });
});
