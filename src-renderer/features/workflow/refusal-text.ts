/**
 * Why the server refused a move, in the user's language. Missing checklist items read as the
 * checklist panel names them, so the reporter finds them there.
 */
import type { TFunction } from 'i18next';
import { CHECKLIST_ITEMS, type ChecklistItemId } from '../../../src-shared/checklist';
import { assertNever } from '../../../src-shared/errors';
import type { PendingMove } from '../../../src-shared/workflow-desk';

type Refused = NonNullable<PendingMove['refused']>;

const isChecklistItem = (id: string): id is ChecklistItemId => (CHECKLIST_ITEMS as readonly string[]).includes(id);

export function refusalText(refused: Refused, t: TFunction<'workflow'>, tk: TFunction<'checklist'>, statusName: (s: NonNullable<Refused['status']>) => string): string {
  const status = refused.status ? statusName(refused.status) : '';
  switch (refused.code) {
    case 'incomplete':
      return t('refused.incomplete', { items: (refused.missing ?? []).map((id) => (isChecklistItem(id) ? tk(`items.${id}`) : id)).join(', ') });
    case 'statusChanged':
      return t('refused.statusChanged', { status });
    case 'moveNotAllowed':
      return t('refused.moveNotAllowed', { status });
    case 'forbidden':
    case 'noteRequired':
    case 'notFound':
    case 'invalidPayload':
      return t(`refused.${refused.code}`);
    default:
      return assertNever(refused.code);
  }
}
