/**
 * The editors' queue asks main one question at a time: under a stream of events every answer
 * is shown, and however many events arrive while a question is on its way only one more
 * question follows it.
 */
import { describe, expect, it } from 'vitest';
import { oneQuestionAtATime } from '../../../../src-renderer/features/workflow/one-question';

/** A question main answers only when the test says so. */
function main() {
  const waiting: Array<{ resolve: (n: number) => void; reject: (e: Error) => void }> = [];
  let asked = 0;
  return {
    question: () =>
      new Promise<number>((resolve, reject) => {
        asked++;
        waiting.push({ resolve, reject });
      }),
    get asked() {
      return asked;
    },
    get onTheirWay() {
      return waiting.length;
    },
    answer: async (n: number) => {
      waiting.shift()!.resolve(n);
      await new Promise((r) => setTimeout(r, 0));
    },
    fail: async (e: Error) => {
      waiting.shift()!.reject(e);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('one question at a time', () => {
  it('shows every answer, and asks once more after any number of events during a question', async () => {
    const m = main();
    const shown: number[] = [];
    const q = oneQuestionAtATime(m.question, (n) => shown.push(n), () => undefined);
    q.ask();
    for (let i = 0; i < 100; i++) q.ask(); // a sync's stream of events
    expect(m.asked).toBe(1);
    await m.answer(1);
    // The answer is shown although events came after it was asked, and one more question went.
    expect(shown).toEqual([1]);
    expect(m.asked).toBe(2);
    expect(m.onTheirWay).toBe(1);
    q.ask();
    await m.answer(2);
    expect(shown).toEqual([1, 2]);
    expect(m.asked).toBe(3);
    await m.answer(3);
    // No event since the last question: nothing more is asked.
    expect(shown).toEqual([1, 2, 3]);
    expect(m.asked).toBe(3);
    expect(m.onTheirWay).toBe(0);
  });

  it('reports a failure and goes on; shows nothing once stopped', async () => {
    const m = main();
    const shown: number[] = [];
    const failures: unknown[] = [];
    const q = oneQuestionAtATime(m.question, (n) => shown.push(n), (e) => failures.push(e));
    q.ask();
    q.ask();
    await m.fail(new Error('main did not answer'));
    expect(failures).toHaveLength(1);
    expect(m.asked).toBe(2);
    await m.answer(7);
    expect(shown).toEqual([7]);
    q.ask();
    q.stop();
    await m.answer(8);
    q.ask();
    expect(shown).toEqual([7]);
    expect(m.asked).toBe(3);
  });
});
