import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addParticipant, eventMap, readEvent, setEventText, updateParticipant } from '../../../../src-shared/article-event';
import { USER_ORIGINS } from '../../../../src-renderer/features/article/origins';
import { editEvent } from '../../../../src-renderer/features/event/useEvent';

describe('editing the event from the page', () => {
  it('is the writer\'s own change: an undo manager tracking the page\'s origins takes it back, one edit at a time', () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager([eventMap(doc)], { trackedOrigins: new Set(USER_ORIGINS), captureTimeout: 0 });
    let id = '';
    editEvent(doc, (d) => setEventText(d, 'title', 'Hội nghị'));
    editEvent(doc, (d) => void (id = addParticipant(d, { person: 'Nguyễn Văn An' })));
    editEvent(doc, (d) => updateParticipant(d, id, { title: 'Chủ tịch' }));
    // A change from main (another window) is not the writer's: never undone here.
    doc.transact(() => setEventText(doc, 'venue', 'Hội trường'), 'remote');

    undo.undo();
    expect(readEvent(doc).participants[0]).toMatchObject({ person: 'Nguyễn Văn An', title: '' });
    undo.undo();
    expect(readEvent(doc).participants).toEqual([]);
    undo.undo();
    expect(readEvent(doc)).toMatchObject({ title: '', venue: 'Hội trường' });
  });
});
