/** The article's event as the panel shows it, read again whenever the `event` map changes (from here or from main). */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { eventMap, readEvent, type EventView } from '../../../src-shared/article-event';
import { USER_ORIGIN } from '../article/origins';

export function useEvent(doc: Y.Doc): EventView {
  const [view, setView] = useState<EventView>(() => readEvent(doc));
  useEffect(() => {
    const map = eventMap(doc);
    const onChange = () => setView(readEvent(doc));
    map.observeDeep(onChange);
    onChange();
    return () => map.unobserveDeep(onChange);
  }, [doc]);
  return view;
}

/** Runs an edit of the event as the writer's own change on this page: sent to main, undone by Ctrl+Z. */
export function editEvent(doc: Y.Doc, change: (doc: Y.Doc) => void): void {
  doc.transact(() => change(doc), USER_ORIGIN);
}
