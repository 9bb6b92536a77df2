/**
 * The check at the door shared by Electron IPC and web mode: the operation must exist, its
 * payload must match the contract's schema, and whatever goes wrong leaves as an error code.
 */
import { isOpName, operations, type Envelope, type OpName } from '../../src-shared/contract';
import { DeskError, toErrorPayload } from '../../src-shared/errors';
import type { CallContext, Handlers } from './desk';

export type Dispatch = (op: unknown, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, log: (err: unknown) => void = logInternal): Dispatch {
  return async (op, input, ctx) => {
    try {
      if (!isOpName(op)) throw new DeskError('unknownOperation', { op: String(op).slice(0, 64) });
      const parsed = operations[op].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DeskError('invalidPayload', { op, field: issue?.path.join('.') ?? '' });
      }
      const handler = handlers[op] as (args: unknown, ctx: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, ctx) };
    } catch (err) {
      const error = toErrorPayload(err);
      if (error.code === 'internal') log(err);
      return { ok: false, error };
    }
  };
}

function logInternal(err: unknown): void {
  console.error('[desk] internal error:', err);
}

export type { OpName };
