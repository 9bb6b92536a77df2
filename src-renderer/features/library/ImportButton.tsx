/**
 * "Import…" in the library's header: picks a .docx, .md, .txt or .html file, sends its bytes to main
 * (which makes the new article with the same text care as a paste) and opens the article.
 * Failures (too large, not what the name says…) show in the error banner, translated.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../src-shared/errors';
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES, IMPORT_MAX_LABEL } from '../../../src-shared/import-formats';
import { nfc } from '../../../src-shared/text/vietnamese';
import { useAction } from '../../app/errors';
import { currentLanguage } from '../../app/i18n';
import { navigate } from '../../app/route';
import { desk } from '../../platform/api';

export function ImportButton({ disabled = false }: { readonly disabled?: boolean }) {
  const { t } = useTranslation('import');
  const act = useAction();
  const input = useRef<HTMLInputElement>(null);
  const [busyWith, setBusyWith] = useState<string | null>(null);

  const onChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file chosen again must fire a change next time.
    event.target.value = '';
    if (!file) return;
    const name = nfc(file.name);
    setBusyWith(name);
    try {
      const created = await act(async () => {
        if (file.size > IMPORT_MAX_BYTES) throw new DeskError('fileTooLarge', { file: name, max: IMPORT_MAX_LABEL });
        const bytes = new Uint8Array(await file.arrayBuffer());
        return desk.article.import({ name, bytes, language: currentLanguage() });
      });
      if (created) navigate({ name: 'article', id: created.id });
    } finally {
      setBusyWith(null);
    }
  };

  return (
    <>
      <button type="button" className="button" title={t('hint')} onClick={() => input.current?.click()} disabled={disabled || busyWith !== null}>
        {t('button')}
      </button>
      <input ref={input} type="file" accept={IMPORT_ACCEPT} hidden aria-label={t('hint')} onChange={(e) => void onChosen(e)} />
      <span className="sr-only" role="status">
        {busyWith ? t('busy', { file: busyWith }) : ''}
      </span>
    </>
  );
}
