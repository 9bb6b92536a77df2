/** `.docx` → clean blocks: mammoth turns the Word document into HTML, which is then cleaned like a paste. */
import mammoth from 'mammoth';
import type { Block } from '../../../src-shared/html/blocks';
import { cleanBlocks } from '../../../src-shared/html/clean';
import { DeskError } from '../../../src-shared/errors';

/** Every .docx is a zip: it starts with a local file header. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function docxBlocks(bytes: Uint8Array, file: string): Promise<Block[]> {
  if (!isZip(bytes)) throw new DeskError('fileInvalid', { file, format: 'Word (.docx)' });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Photos are imported separately: leave them out rather than inline them as data URLs.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    throw new DeskError('fileInvalid', { file, format: 'Word (.docx)' }, { cause: err });
  }
  return cleanBlocks(html);
}
