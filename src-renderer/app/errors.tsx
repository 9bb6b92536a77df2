/**
 * Failed calls anywhere in the page end up here, as an error code with its parameters, and the
 * banner shows their translation (`errors:<code>`). Human text never crosses from main.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { toErrorPayload, type ErrorPayload } from '../../src-shared/errors';
import { onErrorReported } from './error-bus';

interface ErrorState {
  readonly current: ErrorPayload | null;
  readonly report: (err: unknown) => void;
  readonly dismiss: () => void;
}

const ErrorContext = createContext<ErrorState | null>(null);

export function ErrorProvider({ children, initial }: { readonly children: ReactNode; readonly initial?: unknown }) {
  const [current, setCurrent] = useState<ErrorPayload | null>(() => (initial === undefined || initial === null ? null : toErrorPayload(initial)));
  const report = useCallback((err: unknown) => {
    if (toErrorPayload(err).code === 'internal') console.error(err);
    setCurrent(toErrorPayload(err));
  }, []);
  const dismiss = useCallback(() => setCurrent(null), []);
  useEffect(() => onErrorReported(report), [report]);
  const value = useMemo(() => ({ current, report, dismiss }), [current, report, dismiss]);
  return <ErrorContext.Provider value={value}>{children}</ErrorContext.Provider>;
}

export function useErrors(): ErrorState {
  const state = useContext(ErrorContext);
  if (!state) throw new Error('useErrors outside ErrorProvider');
  return state;
}

/** Runs an action and reports its failure; resolves to undefined when it failed. */
export function useAction(): <T>(action: () => Promise<T>) => Promise<T | undefined> {
  const { report } = useErrors();
  return useCallback(
    async <T,>(action: () => Promise<T>) => {
      try {
        return await action();
      } catch (err) {
        report(err);
        return undefined;
      }
    },
    [report],
  );
}
