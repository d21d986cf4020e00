import { describe, expect, it } from 'vitest';
import { createAnswerBatch } from '../../src/answer-batch.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createAnswerBatch: answers leave together, after the turn that made them', () => {
  it('releases the answers of one turn in the check phase, in the order they were given, values and promises alike', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const released: string[] = [];
    const given = [answerWithTheTurn('first'), answerWithTheTurn(Promise.resolve('second')), answerWithTheTurn('third')];
    for (const answer of given) void answer.then((value) => released.push(value));
    await Promise.resolve();
    await Promise.resolve();
    expect(released).toEqual([]);
    await nextTurn();
    expect(released).toEqual(['first', 'third', 'second']);
    expect(await Promise.all(given)).toEqual(['first', 'second', 'third']);
  });

  it('puts an answer that is ready only in a later turn into that turn\'s batch', async () => {
    const answerWithTheTurn = createAnswerBatch();
    const released: string[] = [];
    void answerWithTheTurn('now').then((value) => released.push(value));
    const later = new Promise<string>((resolve) => setTimeout(() => resolve('later'), 5));
    void answerWithTheTurn(later).then((value) => released.push(value));
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
