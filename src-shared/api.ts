/**
 * Builds the object the renderer calls: one named function per operation, grouped by domain
 * (`desk.article.open({ id })`), and one subscription per event (`desk.on['article:changed'](cb)`
 * returning its unsubscribe). The preload builds it over Electron IPC, the renderer's web
 * platform over HTTP + WebSocket; `DeskApi` is its type in both.
 */
import { DeskError, type ErrorPayload } from './errors';
import {
  EVENT_NAMES,
  OP_NAMES,
  type Envelope,
  type EventName,
  type EventPayload,
  type OpInput,
  type OpName,
  type OpOutput,
} from './contract';

export interface Transport {
  invoke(op: OpName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Domain<K> = K extends `${infer D}:${string}` ? D : never;
type Verb<K, D extends string> = K extends `${D}:${infer V}` ? V : never;

export type DeskApi = {
  readonly [D in Domain<OpName>]: {
    readonly [K in OpName as Verb<K, D>]: (input: OpInput<K>) => Promise<OpOutput<K>>;
  };
} & {
  readonly on: { readonly [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

export function makeDeskApi(transport: Transport): DeskApi {
  const api: Record<string, Record<string, unknown>> = { on: {} };
  for (const name of OP_NAMES) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = async (input: unknown) => {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw new DeskError(result.error.code, result.error.params ?? {});
      return result.value;
    };
  }
  for (const event of EVENT_NAMES) {
    api.on![event] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as unknown as DeskApi;
}

export function errorFromPayload(payload: ErrorPayload): DeskError {
  return new DeskError(payload.code, payload.params ?? {});
}
