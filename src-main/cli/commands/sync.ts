/**
 * `login --server <url> --user <name>` (the password from standard input, never an argument)
 * and `sync` (one full round with the server and the workflow moves waiting, then exit; non-zero
 * with the reason when it could not finish), so a desk folder can be synced from a script.
 */
import { DeskError } from '../../../src-shared/errors';
import { parseServerUrl } from '../../../src-shared/sync';
import type { Desk } from '../../services/desk';
import { EXIT, type CliIo } from '../io';

/** The first line of standard input (a password piped in, or typed). */
export async function readPasswordLine(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (chunks.some((c) => c.includes(0x0a))) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]!.normalize('NFC');
}

export async function login(desk: Desk, server: string, user: string, password: string, io: CliIo): Promise<number> {
  const url = parseServerUrl(server);
  if (!url) {
    io.err(io.t('cli:badOption', { detail: `--server ${server}` }));
    return EXIT.usage;
  }
  if (!password) {
    io.err(io.t('cli:missingArgument', { name: 'password (standard input)' }));
    return EXIT.usage;
  }
  const status = await desk.sync.login({ server: url, user, password });
  io.out(io.t('cli:loggedIn', { user: status.user ?? user, role: status.role ?? '', server: url }));
  return EXIT.ok;
}

export async function sync(desk: Desk, json: boolean, io: CliIo): Promise<number> {
  try {
    const { synced } = await desk.sync.round();
    // Workflow moves queued while the server did not answer go once the articles are there.
    await desk.workflow.send();
    const status = desk.sync.status();
    if (json) io.out(JSON.stringify({ synced, status }, null, 2));
    else io.out(io.t('cli:synced', { count: synced, server: status.server ?? '' }));
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof DeskError)) throw err;
    const status = desk.sync.status();
    if (json) io.out(JSON.stringify({ error: { code: err.code, params: err.params }, status }, null, 2));
    io.err(io.t(`errors:${err.code}`, { ...err.params }));
    for (const r of status.refused) io.err(`  ${r.id}: ${io.t(`errors:${r.code}`)}`);
    return EXIT.failed;
  }
}
