/**
 * Opens the desk on its data folder. A refusal (the folder is held by another Bàn Tin, cannot be
 * read or written, …) is told in a native error dialog, in the language saved in that desk or
 * the environment's, and on stderr for whoever started it from a terminal.
 */
import { dialog } from 'electron';
import { toErrorPayload } from '../../src-shared/errors';
import { openDesk, type Desk } from '../services/desk';
import { createTranslator } from '../services/i18n';
import { DESK_VERSION } from '../services/version';
import { electronHost } from './save-dialog';
import { electronSecretBox } from './secret-box';
import { startupLanguage } from './startup-language';

export async function setupDesk(dataDir: string): Promise<Desk | null> {
  try {
    return await openDesk({ dataDir, mode: 'electron', version: DESK_VERSION, sync: { box: electronSecretBox() }, host: electronHost() });
  } catch (err) {
    const error = toErrorPayload(err);
    if (error.code === 'internal') console.error('[desk] could not open', dataDir, err);
    const t = await createTranslator(await startupLanguage(dataDir));
    const message = t(`errors:${error.code}`, { ...error.params });
    console.error(message);
    dialog.showErrorBox(t('menu:dialog.startFailedTitle'), message);
    return null;
  }
}
