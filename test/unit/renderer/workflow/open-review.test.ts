/** Approving or publishing over open suggestions or comments is asked first; nothing else is. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checklist } from '../../../../src-shared/checklist';
import { addComment, anchorAt } from '../../../../src-shared/comments';
import { openReviewBefore } from '../../../../src-renderer/features/workflow/open-review';

describe('the confirmation before approving', () => {
  it('is asked for approving or publishing while comments are open, not for other moves or once they are settled', () => {
    expect(openReviewBefore('approved', checklist(new Y.Doc()))).toBeNull();
    const list = { items: [{ id: 'suggestions' as const, ok: false, suggestions: 2 }], openComments: 1 };
    expect(openReviewBefore('approved', list)).toEqual({ suggestions: 2, comments: 1 });
    expect(openReviewBefore('published', list)).toEqual({ suggestions: 2, comments: 1 });
    expect(openReviewBefore('returned', list)).toBeNull();
    expect(openReviewBefore('editing', list)).toBeNull();
    expect(openReviewBefore('approved', { items: [], openComments: 0 })).toBeNull();
  });

  it('counts a comment written on the article, as the checklist reads it', () => {
    const doc = new Y.Doc();
    doc.getText('sapo').insert(0, 'Cầu truyền hình tới 63 điểm cầu.');
    const anchor = anchorAt(doc, 'sapo', 20, 32);
    expect(anchor).not.toBeNull();
    addComment(doc, anchor!, { author: 'hoa', text: 'Kiểm tra lại số điểm cầu' });
    expect(openReviewBefore('approved', checklist(doc))).toEqual({ suggestions: 0, comments: 1 });
  });
});
