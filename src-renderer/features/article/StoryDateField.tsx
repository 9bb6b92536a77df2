/**
 * The story's own date and time in the article's details (src-shared/story-date.ts): when the
 * reported story happened or was written, "13/01/2022 17:53" in Vietnam's time. It starts as
 * the article's creation; emptied, it goes back to that. Written on the page's replica with the
 * writer's origin, so it is sent to main and undone like any other change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { meta, setStoryDate, storyDateOf } from '../../../src-shared/article-doc';
import { NEWSROOM_TIME_ZONE } from '../../../src-shared/format';
import { newsroomIso } from '../../../src-shared/story-date';
import { DateTimeInput } from '../../shared/DateTimeInput';
import { USER_ORIGIN } from './origins';

/** The story date as the field holds it: Vietnam's wall-clock time, "2022-01-13T17:53". */
function localValue(doc: Y.Doc): string {
  return newsroomIso(storyDateOf(doc)).slice(0, 16);
}

export function StoryDateField({ doc }: { readonly doc: Y.Doc }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(() => localValue(doc));
  useEffect(() => {
    const m = meta(doc);
    const update = () => setValue(localValue(doc));
    m.observe(update);
    update();
    return () => m.unobserve(update);
  }, [doc]);

  return (
    <DateTimeInput
      className="story-date"
      label={t('article.storyDate')}
      mode="moment"
      value={value}
      timeZone={NEWSROOM_TIME_ZONE}
      onCommit={(v) => doc.transact(() => setStoryDate(doc, v ? `${v}:00+07:00` : null), USER_ORIGIN)}
    />
  );
}
