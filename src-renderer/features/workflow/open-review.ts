/**
 * Whether a move should be confirmed first: approving or publishing while suggestions or
 * comments are still open (the checklist counts both). Nothing holds the move back — an editor
 * may approve over them — but it is not done by a slip of the keyboard.
 */
import type { Checklist } from '../../../src-shared/checklist';
import type { Status } from '../../../src-shared/models';

export interface OpenReview {
  readonly suggestions: number;
  readonly comments: number;
}

const CONFIRMED_MOVES: ReadonlySet<Status> = new Set<Status>(['approved', 'published']);

export function openReviewBefore(to: Status, list: Pick<Checklist, 'items' | 'openComments'>): OpenReview | null {
  if (!CONFIRMED_MOVES.has(to)) return null;
  const suggestions = list.items.find((i) => i.id === 'suggestions')?.suggestions ?? 0;
  const comments = list.openComments;
  return suggestions > 0 || comments > 0 ? { suggestions, comments } : null;
}
