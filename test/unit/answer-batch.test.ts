import { describe, expect, it } from 'vitest';
import { createAnswerBatch } from '../../src/answer-batch.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createAnswerBatch: answers leave together, after the turn that made them', () => {
  it('releases the awaited answers of one turn in the check phase, in the order they became ready', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const released: string[] = [];
    const given = [answerWithTheTurn(Promise.resolve('first')), answerWithTheTurn(Promise.resolve('second')), answerWithTheTurn(Promise.resolve('third'))];
    for (const answer of given) void answer.then((value) => released.push(value));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(released).toEqual([]);
    await nextTurn();
    expect(released).toEqual(['first', 'second', 'third']);
  });

  it('holds an answer that is ready at once with the awaited ones of its turn, in the order they became ready', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const released: string[] = [];
    const awaited = answerWithTheTurn(Promise.resolve('awaited'));
    const ready = answerWithTheTurn('ready');
    void awaited.then((value) => released.push(value));
    void ready.then((value) => released.push(value));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(released).toEqual([]);
    await nextTurn();
    expect(released).toEqual(['ready', 'awaited']);
  });

  it('puts an answer that is ready only in a later turn into that turn\'s batch', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const released: string[] = [];
    void answerWithTheTurn(Promise.resolve('now')).then((value) => released.push(value));
    const later = new Promise<string>((resolve) => setTimeout(() => resolve('later'), 5));
    void answerWithTheTurn(later).then((value) => released.push(value));
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
