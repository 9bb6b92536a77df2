/**
 * The versions as a list box: arrow keys, Home and End move the choice (and the focus), a click
 * or Enter chooses. Each option reads its time (with seconds when another version shares its
 * minute), why it was saved, its size and its words, numbers in the interface's form.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryItem } from '../../../src-shared/history';
import { currentLanguage } from '../../app/i18n';
import { formatNumber } from '../../shared/format';
import { reasonLabel } from './reason-label';
import { versionTimes } from './version-times';

/** Kilobytes with one decimal, never shown as zero. */
function kilobytes(size: number): string {
  return formatNumber(Math.max(0.1, Math.round(size / 102.4) / 10), currentLanguage());
}

export function VersionList({
  items,
  selected,
  onSelect,
}: {
  readonly items: readonly HistoryItem[];
  readonly selected: string | null;
  readonly onSelect: (version: string) => void;
}) {
  const { t } = useTranslation('history');
  const options = useRef(new Map<string, HTMLLIElement>());
  const current = items.findIndex((i) => i.version === selected);
  const language = currentLanguage();
  const times = versionTimes(items.map((i) => i.createdAt));

  const choose = (index: number) => {
    const item = items[Math.max(0, Math.min(items.length - 1, index))];
    if (!item) return;
    onSelect(item.version);
    options.current.get(item.version)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const at = current < 0 ? items.findIndex((i) => options.current.get(i.version) === document.activeElement) : current;
    let to: number;
    switch (e.key) {
      case 'ArrowDown':
        to = at + 1;
        break;
      case 'ArrowUp':
        to = Math.max(0, at - 1);
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = items.length - 1;
        break;
      case 'Enter':
      case ' ':
        to = Math.max(0, at);
        break;
      default:
        return;
    }
    e.preventDefault();
    choose(to);
  };

  return (
    <ul className="versions" role="listbox" aria-label={t('listLabel')} onKeyDown={onKeyDown}>
      {items.map((item, index) => {
        const isSelected = item.version === selected;
        const focusable = current < 0 ? index === 0 : isSelected;
        return (
          <li
            key={item.version}
            ref={(el) => {
              if (el) options.current.set(item.version, el);
              else options.current.delete(item.version);
            }}
            className="version"
            role="option"
            aria-selected={isSelected}
            tabIndex={focusable ? 0 : -1}
            onClick={() => choose(index)}
            data-version={item.version}
          >
            <time className="version__time" dateTime={item.createdAt}>
              {times[index]}
            </time>{' '}
            <span className={`version__reason version__reason--${item.reason}`}>{reasonLabel(t, item)}</span>{' '}
            <span className="version__facts">
              {t('size', { size: kilobytes(item.size) })} · {t('words', { count: formatNumber(item.words, language) })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
