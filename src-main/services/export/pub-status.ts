/**
 * What an export says of the article's place in the workflow. Only an approved (or published)
 * article is ready for use; a spiked one is withdrawn; anything still in the newsroom's hands
 * is withheld. The values are the ones ninjs 3.1 (`pubStatus`: usable, withheld, canceled) and
 * NewsML-G2's `stat:` scheme allow.
 */
import type { Status } from '../../../src-shared/models';

export type PubStatus = 'usable' | 'withheld' | 'canceled';

export function pubStatusOf(status: Status): PubStatus {
  if (status === 'approved' || status === 'published') return 'usable';
  if (status === 'spiked') return 'canceled';
  return 'withheld';
}

/** Whether the package may be used as it is: an editor approved it. */
export const isApproved = (status: Status): boolean => pubStatusOf(status) === 'usable';
