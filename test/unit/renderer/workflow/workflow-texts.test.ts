/** What the Workflow tab says: each move named by what it does, each refusal in the user's language, and the queue's address. */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../../../src-renderer/app/route';
import { moveLabel } from '../../../../src-renderer/features/workflow/move-label';
import { refusalText } from '../../../../src-renderer/features/workflow/refusal-text';
import { NAMESPACES, resources } from '../../../../src-shared/locales';
import type { Status } from '../../../../src-shared/models';

const i18n = i18next.createInstance();
let t: { vi: TFunction<'workflow'>; en: TFunction<'workflow'> };
let tk: { vi: TFunction<'checklist'>; en: TFunction<'checklist'> };
const name = (s: Status) => resources.vi.common.status[s];

beforeAll(async () => {
  await i18n.init({ resources, lng: 'vi', fallbackLng: false, ns: [...NAMESPACES], interpolation: { escapeValue: false } });
  t = { vi: i18n.getFixedT('vi', 'workflow'), en: i18n.getFixedT('en', 'workflow') };
  tk = { vi: i18n.getFixedT('vi', 'checklist'), en: i18n.getFixedT('en', 'checklist') };
});

describe('move labels', () => {
  it('name a move by what it does, from where the article stands', () => {
    expect(moveLabel(t.vi, 'draft', 'submitted')).toBe('Nộp bài');
    expect(moveLabel(t.vi, 'returned', 'submitted')).toBe('Nộp lại');
    expect(moveLabel(t.vi, 'submitted', 'editing')).toBe('Nhận biên tập');
    expect(moveLabel(t.vi, 'approved', 'editing')).toBe('Biên tập lại');
    expect(moveLabel(t.vi, 'editing', 'returned')).toBe('Trả lại');
    expect(moveLabel(t.en, 'editing', 'approved')).toBe('Approve');
    expect(moveLabel(t.en, 'spiked', 'draft')).toBe('Back to draft');
    expect(moveLabel(t.en, 'approved', 'published')).toBe('Publish');
  });
});

describe('refusals', () => {
  it('name the missing checklist items as the checklist panel does, in the user language', () => {
    const refused = { code: 'incomplete' as const, missing: ['headline', 'eventPlace'] };
    expect(refusalText(refused, t.vi, tk.vi, name)).toBe(`Bài chưa đủ để nộp. Còn thiếu: ${resources.vi.checklist.items.headline}, ${resources.vi.checklist.items.eventPlace}.`);
    expect(refusalText(refused, t.en, tk.en, name)).toBe(`The article is not ready to submit. Missing: ${resources.en.checklist.items.headline}, ${resources.en.checklist.items.eventPlace}.`);
  });

  it('say which status the article was found in when someone moved first', () => {
    expect(refusalText({ code: 'statusChanged', status: 'editing' }, t.vi, tk.vi, name)).toBe('Bài đã được chuyển sang “Đang biên tập” trước đó. Hãy xem lại rồi chọn bước tiếp theo.');
    expect(refusalText({ code: 'forbidden' }, t.en, tk.en, name)).toBe(resources.en.workflow.refused.forbidden);
  });
});

describe('the queue address', () => {
  it('is #/queue both ways', () => {
    expect(parseRoute('#/queue')).toEqual({ name: 'queue' });
    expect(hrefFor({ name: 'queue' })).toBe('#/queue');
  });
});
