/**
 * Asks main one question at a time and shows every answer. A page that asks again at every
 * event and keeps only the answer to its latest question never shows one while the events come
 * faster than main answers (the editors' queue during a sync stayed "loading" for minutes):
 * here, an event while a question is on its way only marks that one more is needed, asked once
 * the answer is in. However many events arrive meanwhile, at most one question follows, and it is
 * asked after every change they announce.
 */
export interface OneQuestion {
  /** Asks now, or once the question on its way is answered. */
  readonly ask: () => void;
  /** Nothing more is asked or shown (the page is gone). */
  readonly stop: () => void;
}

export function oneQuestionAtATime<T>(question: () => Promise<T>, answer: (value: T) => void, failed: (err: unknown) => void): OneQuestion {
  let live = true;
  let asking = false;
  let again = false;
  const ask = (): void => {
    if (!live) return;
    if (asking) {
      again = true;
      return;
    }
    asking = true;
    again = false;
    question()
      .then(
        (value) => live && answer(value),
        (err: unknown) => live && failed(err),
      )
      .finally(() => {
        asking = false;
        if (again) ask();
      });
  };
  return {
    ask,
    stop: () => {
      live = false;
    },
  };
}
