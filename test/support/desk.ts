/** Opening real desks on temporary folders, and the small Yjs helpers tests share. */
import * as Y from 'yjs';
import type { Envelope } from '../../src-shared/contract';
import { openDesk, type Desk } from '../../src-main/services/desk';

export const TEST_VERSION = '0.0.0-test';

export function openTestDesk(dataDir: string): Promise<Desk> {
  return openDesk({ dataDir, mode: 'web', version: TEST_VERSION });
}

/** The value of a successful envelope; a failed one fails the test with its code. */
export function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got error ${envelope.error.code} ${JSON.stringify(envelope.error.params ?? {})}`);
  return envelope.value;
}

/** Calls an operation on a desk as `client` and unwraps the result. */
export async function call<T = unknown>(desk: Desk, op: string, input: unknown, client = 'test'): Promise<T> {
  return ok((await desk.dispatch(op, input, { client })) as Envelope<T>);
}

/** A replica of an article: the state from `article:open`, applied to a fresh Y.Doc. */
export function replicaOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Runs `change` on `doc` and returns the Yjs update it produced. */
export function updateFrom(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/**
 * Desks a test file opens: `const desks = testDesks();`, `await desks.open(dir)` in a test and
 * `await desks.cleanup()` in `afterEach`, which closes whatever a failing test left open.
 */
export function testDesks(): { open(dir: string): Promise<Desk>; close(desk: Desk): Promise<void>; cleanup(): Promise<void> } {
  const opened: Desk[] = [];
  return {
    async open(dir) {
      const desk = await openTestDesk(dir);
      opened.push(desk);
      return desk;
    },
    async close(desk) {
      opened.splice(opened.indexOf(desk), 1);
      await desk.close();
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((d) => d.close().catch(() => undefined)));
    },
  };
}
