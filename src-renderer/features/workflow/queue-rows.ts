/**
 * What the editors' queue shows of its rows, and in what order: each row's on-air time (its
 * words at the on-air rate the desk sets for the article's language, as the article's counters
 * count it), the filters (a status, or the stories changed since they were approved) and the
 * sort by arrival, length or on-air time. Pure: no DOM, no React.
 */
import { assertNever } from '../../../src-shared/errors';
import type { ReadingRates, Status } from '../../../src-shared/models';
import { secondsAt, splitDuration } from '../../../src-shared/text/counts';
import type { QueueRow } from '../../../src-shared/workflow-desk';

export type QueueSortKey = 'arrival' | 'words' | 'onAir';
export type QueueSortDirection = 'ascending' | 'descending';
export interface QueueSort {
  readonly key: QueueSortKey;
  readonly direction: QueueSortDirection;
}
/** One status, or the stories with a change stored after their approval. */
export type QueueFilter = Status | 'changedSinceApproved';

/** Whole seconds the row's text takes read aloud on air (the Counts' rule: a started second counts). */
export function onAirSeconds(row: Pick<QueueRow, 'words' | 'language'>, rates: ReadingRates): number {
  return secondsAt(row.words, rates[row.language].onAir);
}

/** "2:05" — minutes and seconds, as a running order writes a duration. */
export function clockDuration(seconds: number): string {
  const { minutes, seconds: s } = splitDuration(seconds);
  return `${minutes}:${String(s).padStart(2, '0')}`;
}

/** The duration as HTML's `<time datetime>` wants it ("PT2M5S"). */
export function isoDuration(seconds: number): string {
  const { minutes, seconds: s } = splitDuration(seconds);
  return `PT${minutes > 0 ? `${minutes}M` : ''}${s}S`;
}

/** Arrival time, then last change, as milliseconds (a row with neither sorts as the oldest). */
const arrival = (row: QueueRow): number => Date.parse(row.arrivedAt ?? row.updatedAt) || 0;

/** The rows a filter keeps (null: every row). */
export function filterRows(rows: readonly QueueRow[], filter: QueueFilter | null): QueueRow[] {
  if (filter === null) return [...rows];
  if (filter === 'changedSinceApproved') return rows.filter((r) => r.changedSinceApproved);
  return rows.filter((r) => r.status === filter);
}

/** The rows in the order asked for; equal ones keep the latest arrival first. */
export function sortRows(rows: readonly QueueRow[], sort: QueueSort, rates: ReadingRates): QueueRow[] {
  const measure = (row: QueueRow): number => {
    switch (sort.key) {
      case 'arrival':
        return arrival(row);
      case 'words':
        return row.words;
      case 'onAir':
        return onAirSeconds(row, rates);
      default:
        return assertNever(sort.key);
    }
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (measure(a) - measure(b)) || arrival(b) - arrival(a));
}

/** The direction a column's sort button turns to: the other way if it sorts now, else longest/latest first. */
export function nextSort(current: QueueSort, key: QueueSortKey): QueueSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'descending' };
}
