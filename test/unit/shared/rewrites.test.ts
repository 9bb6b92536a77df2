/**
 * Two desks rewriting a headline apart: a conflict showing each version, not a glued text; small
 * edits on either side, and rewrites made one after the other, are no conflict.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exchange as sync, replicaOf } from '../../support/replicas';
import { headline, readArticle, setText, slugOf } from '../../../src-shared/article-doc';
import { slugify } from '../../../src-shared/text/slug';
import { newSession, type EditSession } from '../../../src-shared/register';
import { noteEdit, resolveRewrite, rewriteConflict, rewriteCount } from '../../../src-shared/rewrites';

const OLD = 'Hà Giang triển khai nhiệm vụ năm 2022';
const A_NEW = 'Dân vận khéo: nhiều xã làm đường';
const B_NEW = 'Hội nghị trực tuyến 63 điểm cầu';

function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  headline(a).insert(0, OLD);
  return [a, replicaOf(a)];
}

/** The field's write path: the text edit where the writer made it, and its note, in one transaction. */
function type(doc: Y.Doc, next: string, session: EditSession, sel: readonly [number, number], caretAfter: number): void {
  doc.transact(() => {
    const prev = headline(doc).toString();
    const range = setText(headline(doc), next, { before: prev, selStart: sel[0], selEnd: sel[1], caretAfter });
    noteEdit(doc, 'headline', prev, next, range, session);
  }, 'local');
}

/** Types `text` key by key at the end of the headline. */
function append(doc: Y.Doc, text: string, session: EditSession): void {
  for (const ch of text) {
    const end = headline(doc).length;
    type(doc, headline(doc).toString() + ch, session, [end, end], end + 1);
  }
}

/** Select all, then type `text` key by key. */
function rewrite(doc: Y.Doc, text: string, session: EditSession): void {
  type(doc, text[0]!, session, [0, headline(doc).length], 1);
  append(doc, text.slice(1), session);
}

describe('headline rewrites made apart', () => {
  it('are a conflict with both versions while the text is glued, settled by choosing one on either desk', () => {
    const [a, b] = pair();
    rewrite(a, A_NEW, newSession('lan'));
    rewrite(b, B_NEW, newSession('minh'));
    sync(a, b);
    const glued = headline(a).toString();
    expect(glued).toContain(A_NEW);
    expect(glued).toContain(B_NEW);
    for (const doc of [a, b]) {
      const conflict = rewriteConflict(doc, 'headline')!;
      // Until a person chooses, what is exported is the headline both began from.
      expect(conflict.agreed).toBe(OLD);
      expect(readArticle(doc).headline).toBe(OLD);
      expect(slugOf(doc).slug).toBe(slugify(OLD));
      expect(conflict.versions.map((v) => [v.value, v.by]).sort()).toEqual([
        [A_NEW, 'lan'],
        [B_NEW, 'minh'],
      ]);
    }
    resolveRewrite(b, 'headline', B_NEW, 'minh');
    sync(a, b);
    expect(headline(a).toString()).toBe(B_NEW);
    expect(readArticle(a).headline).toBe(B_NEW);
    expect(rewriteConflict(a, 'headline')).toBeNull();
    expect(rewriteConflict(b, 'headline')).toBeNull();
  });

  it('Ctrl+Z after choosing brings the glued text and the conflict back', () => {
    const [a, b] = pair();
    rewrite(a, A_NEW, newSession('lan'));
    rewrite(b, B_NEW, newSession('minh'));
    sync(a, b);
    const glued = headline(a).toString();
    const undo = new Y.UndoManager([headline(a), a.getMap('meta')], { trackedOrigins: new Set(['local']) });
    a.transact(() => resolveRewrite(a, 'headline', A_NEW, 'lan'), 'local');
    expect(rewriteConflict(a, 'headline')).toBeNull();
    undo.undo();
    expect(headline(a).toString()).toBe(glued);
    expect(rewriteConflict(a, 'headline')?.versions).toHaveLength(2);
  });

  it('counts a rewrite made by Backspace through the old headline and typing a new one', () => {
    const [a, b] = pair();
    const s = newSession('lan');
    for (let n = OLD.length; n > 0; n--) type(a, OLD.slice(0, n - 1), s, [n, n], n - 1);
    append(a, A_NEW, s);
    rewrite(b, B_NEW, newSession('minh'));
    sync(a, b);
    expect(rewriteConflict(a, 'headline')?.versions.map((v) => v.value).sort()).toEqual([A_NEW, B_NEW].sort());
  });
});

describe('no conflict', () => {
  it('for small edits on both desks: they merge into one text', () => {
    const [a, b] = pair();
    const at = OLD.indexOf('triển khai');
    type(a, OLD.replace('triển khai', 'bắt đầu'), newSession('lan'), [at, at + 'triển khai'.length], at + 'bắt đầu'.length);
    append(b, ' thành công', newSession('minh'));
    sync(a, b);
    expect(headline(a).toString()).toBe('Hà Giang bắt đầu nhiệm vụ năm 2022 thành công');
    expect(rewriteCount(a, 'headline')).toBe(0);
    expect(rewriteConflict(a, 'headline')).toBeNull();
  });

  it('for a rewrite on one desk and a small edit on the other', () => {
    const [a, b] = pair();
    rewrite(a, A_NEW, newSession('lan'));
    append(b, '!', newSession('minh'));
    sync(a, b);
    expect(rewriteConflict(a, 'headline')).toBeNull();
    // Both land where the old headline was; which goes first is Yjs's order of two inserts there.
    expect(headline(a).toString().replace('!', '')).toBe(A_NEW);
    expect(headline(a).toString()).toContain('!');
  });

  it('for rewrites made one after the other, each desk seeing the last', () => {
    const [a, b] = pair();
    rewrite(a, A_NEW, newSession('lan'));
    sync(a, b);
    rewrite(b, B_NEW, newSession('minh'));
    sync(a, b);
    expect(headline(a).toString()).toBe(B_NEW);
    expect(rewriteCount(a, 'headline')).toBe(1);
    expect(rewriteConflict(a, 'headline')).toBeNull();
  });
});
