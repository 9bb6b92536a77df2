/** What the desk imports as a new article, known to main (which checks) and the renderer (which offers). */
export const IMPORT_FORMATS = ['docx', 'md', 'txt', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Files larger than this are refused before they are read. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
export const IMPORT_MAX_LABEL = '32 MB';
/** The file chooser's filter. */
export const IMPORT_ACCEPT = [...IMPORT_FORMATS.map((f) => `.${f}`), '.htm', '.markdown'].join(',');
