/** The body editor's keyboard shortcuts, as its toolbar's tooltips and the shortcuts overview show them. */
export const EDITOR_SHORTCUTS = {
  bold: 'Ctrl+B',
  italic: 'Ctrl+I',
  heading2: 'Ctrl+Alt+2',
  heading3: 'Ctrl+Alt+3',
  paragraph: 'Ctrl+Alt+0',
  quote: 'Ctrl+Shift+B',
  bulletList: 'Ctrl+Shift+8',
  orderedList: 'Ctrl+Shift+7',
  link: 'Ctrl+K',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Y',
  suggest: 'Ctrl+Shift+E',
  accept: 'Ctrl+Alt+A',
  reject: 'Ctrl+Alt+R',
  acceptAll: 'Ctrl+Alt+Shift+A',
  rejectAll: 'Ctrl+Alt+Shift+R',
} as const;

export type EditorCommand = keyof typeof EDITOR_SHORTCUTS;
