/**
 * lowdb adapter of ours: reads strictly (an empty or unparsable file is an error, never
 * "no data") and writes durably (temp → fsync → rename → fsync folder). lowdb's own JSONFile
 * renames without fsync, and its preset silently switches to memory under NODE_ENV=test.
 */
import type { Adapter } from 'lowdb';
import { readIfExists, writeDurable } from './durable-file';

export class CorruptFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'CorruptFileError';
  }
}

export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly validate: (value: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    const bytes = await readIfExists(this.file);
    if (bytes === null) return null;
    if (bytes.length === 0) throw new CorruptFileError(this.file, 'empty');
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new CorruptFileError(this.file, 'not JSON');
    }
    try {
      return this.validate(value);
    } catch {
      throw new CorruptFileError(this.file, 'unexpected shape');
    }
  }

  async write(data: T): Promise<void> {
    await writeDurable(this.file, JSON.stringify(data));
  }
}
