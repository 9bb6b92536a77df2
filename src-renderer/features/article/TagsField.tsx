/**
 * The article's tags as chips, each with its remove button, and a field to add one: Enter or a
 * comma adds what is typed, and the tags other articles use are offered as the writer types
 * (matched without marks: "giao" offers "Giáo dục").
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../src-shared/text/vietnamese';
import { CrossIcon } from '../../shared/icons';
import { Combobox } from '../event/Combobox';
import { sameTag } from './meta-writes';

export interface TagsFieldProps {
  readonly tags: readonly string[];
  readonly known: readonly string[];
  readonly onAdd: (tag: string) => void;
  readonly onRemove: (tag: string) => void;
  readonly lang?: string;
}

const MAX_SUGGESTIONS = 8;

export function TagsField({ tags, known, onAdd, onRemove, lang }: TagsFieldProps) {
  const { t } = useTranslation('workspace');
  const ids = { input: useId(), hint: useId(), list: useId() };
  const [text, setText] = useState('');
  const typed = fold(text.trim());
  const suggestions = typed ? known.filter((k) => fold(k).includes(typed) && !tags.some((tag) => sameTag(tag, k))).slice(0, MAX_SUGGESTIONS) : [];
  const add = (tag: string) => {
    onAdd(tag);
    setText('');
  };

  return (
    <div className="field tags-field">
      <label className="field__label" htmlFor={ids.input}>
        {t('meta.tags')}
      </label>
      {tags.length > 0 && (
        <ul className="tags-field__chips" id={ids.list} aria-label={t('meta.tagsList')}>
          {tags.map((tag) => (
            <li key={tag} className="tag-chip" lang={lang}>
              <span className="tag-chip__text">{tag}</span>
              <button type="button" className="tag-chip__remove" aria-label={t('meta.tagRemove', { tag })} title={t('meta.tagRemove', { tag })} onClick={() => onRemove(tag)}>
                <CrossIcon size="0.9em" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox
        id={ids.input}
        value={text}
        onText={(v) => {
          // A comma typed or pasted ends a tag.
          const parts = v.split(',');
          if (parts.length > 1) {
            for (const part of parts.slice(0, -1)) if (part.trim()) onAdd(part);
            setText(parts[parts.length - 1] ?? '');
          } else setText(v);
        }}
        options={suggestions.map((s) => ({ key: s, label: s }))}
        onPick={(i) => {
          const s = suggestions[i];
          if (s) add(s);
        }}
        listLabel={t('meta.tagsSuggestions')}
        aria-describedby={ids.hint}
        lang={lang}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.defaultPrevented && text.trim()) {
            e.preventDefault();
            add(text);
          }
        }}
      />
      <p className="field__hint" id={ids.hint}>
        {t('meta.tagsHint')}
      </p>
    </div>
  );
}
