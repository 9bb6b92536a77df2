/**
 * The desk's command line, for scripting and batch work on a desk folder:
 *   npm run cli -- --data <dir> list [--json] | import <file.docx|.md|.txt> [--language vi|en] | show <id> [--json]
 *                                | search <query> [--json] | place <query> [--json]
 *                                | photo add <id> <file> [--caption-vi <text>] [--caption-en <text>] [--credit <text>] [--creator <name>]
 *                                | export <id> --out <file.zip> [--json] | import-package <file.zip> [--json]
 *                                | login --server <url> --user <name> (password on stdin) | sync [--json]
 *                                | status <id> [--json] | submit <id> | take <id> | return <id> --note <text> | approve <id> | queue [--json]
 *                                | assign <id> [<user>…] [--json]
 *                                | comments <id> [--json]
 *                                | spell <id> [--style modern|classic] [--json]
 *                                | translate <id> --to en|vi [--json]
 * It opens the folder like the desk does (so it is refused while a desk holds it), speaks the
 * language of LANG, and exits non-zero with a clear message on bad input.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toErrorPayload, type ErrorPayload } from '../../src-shared/errors';
import { Language } from '../../src-shared/models';
import { openDesk, type Desk } from '../services/desk';
import { createTranslator, languageFromEnv } from '../services/i18n';
import { defaultDataDir } from '../services/paths';
import { DESK_VERSION } from '../services/version';
import { comments } from './commands/comments';
import { exportArticle } from './commands/export';
import { importFile } from './commands/import';
import { importPackageFile } from './commands/import-package';
import { list } from './commands/list';
import { photoAdd } from './commands/photo';
import { place } from './commands/place';
import { PLAIN_MARK, search, TERMINAL_MARK } from './commands/search';
import { show } from './commands/show';
import { spell } from './commands/spell';
import { TONE_STYLES, type ToneStyle } from '../../src-shared/spell/tones';
import { translate } from './commands/translate';
import { login, readPasswordLine, sync } from './commands/sync';
import { assignUsers, move, MOVE_COMMANDS, queue, status, type MoveCommand } from './commands/workflow';
import { EXIT, printable, type CliIo } from './io';

const COMMANDS = ['list', 'import', 'show', 'search', 'place', 'photo', 'export', 'import-package', 'login', 'sync', 'status', 'submit', 'take', 'return', 'approve', 'queue', 'assign', 'comments', 'spell', 'translate'] as const;
type Command = (typeof COMMANDS)[number];
/** Commands that change the desk: refused on a desk opened read-only (`export` writes only where --out says). */
const WRITES: ReadonlySet<Command> = new Set<Command>(['import', 'photo', 'import-package', 'login', 'sync', 'submit', 'take', 'return', 'approve', 'translate']);
const isMove = (command: string): command is MoveCommand => Object.hasOwn(MOVE_COMMANDS, command);

/** What went wrong, in the user's language: a code of ours, or the system's error (a full or read-only disk) as one. */
function failure(t: CliIo['t'], error: ErrorPayload): string {
  // The desk's own text for a full disk speaks of an article on screen; a command changed nothing.
  if (error.code === 'diskFull') return t('cli:diskFull');
  return t(`errors:${error.code}`, { ...error.params });
}

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io?: Pick<CliIo, 'out' | 'err'> & { readonly stdin?: NodeJS.ReadableStream }): Promise<number> {
  const t = await createTranslator(languageFromEnv(env));
  const writeOut = io?.out ?? ((l: string) => console.log(l));
  const writeErr = io?.err ?? ((l: string) => console.error(l));
  const cli: CliIo = { out: (l) => writeOut(printable(l)), err: (l) => writeErr(printable(l)), t };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        language: { type: 'string', default: 'vi' },
        help: { type: 'boolean', short: 'h', default: false },
        'caption-vi': { type: 'string' },
        'caption-en': { type: 'string' },
        credit: { type: 'string' },
        creator: { type: 'string' },
        out: { type: 'string' },
        server: { type: 'string' },
        user: { type: 'string' },
        note: { type: 'string' },
        style: { type: 'string' },
        to: { type: 'string' },
      },
    });
  } catch (err) {
    cli.err(t('cli:badOption', { detail: (err as Error).message }));
    cli.err(t('cli:usage'));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? cli.out : cli.err)(t('cli:usage'));
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    cli.err(t('cli:unknownCommand', { command }));
    cli.err(t('cli:usage'));
    return EXIT.usage;
  }
  const language = Language.safeParse(values.language);
  if (!language.success) {
    cli.err(t('cli:badOption', { detail: `--language ${values.language}` }));
    return EXIT.usage;
  }
  const needs = command === 'import' || command === 'import-package' ? 'file' : command === 'show' || command === 'export' || command === 'status' || command === 'assign' || command === 'comments' || command === 'spell' || command === 'translate' || isMove(command) ? 'id' : command === 'search' || command === 'place' ? 'query' : null;
  if (needs && !rest[0]) {
    cli.err(t('cli:missingArgument', { name: needs }));
    cli.err(t('cli:usage'));
    return EXIT.usage;
  }

  if (command === 'export' && !values.out) {
    cli.err(t('cli:missingArgument', { name: '--out' }));
    cli.err(t('cli:usage'));
    return EXIT.usage;
  }

  if (command === 'photo' && (rest[0] !== 'add' || !rest[1] || !rest[2])) {
    cli.err(rest[0] === 'add' ? t('cli:missingArgument', { name: rest[1] ? 'file' : 'id' }) : t('cli:unknownCommand', { command: `photo ${rest[0] ?? ''}`.trim() }));
    cli.err(t('cli:usage'));
    return EXIT.usage;
  }

  if (values.style !== undefined && !(TONE_STYLES as readonly string[]).includes(values.style)) {
    cli.err(t('cli:badOption', { detail: `--style ${values.style}` }));
    return EXIT.usage;
  }

  if (command === 'return' && !values.note?.trim()) {
    cli.err(t('cli:missingArgument', { name: '--note' }));
    cli.err(t('cli:usage'));
    return EXIT.usage;
  }

  if (command === 'login' && (!values.server || !values.user)) {
    cli.err(t('cli:missingArgument', { name: values.server ? '--user' : '--server' }));
    cli.err(t('cli:usage'));
    return EXIT.usage;
  }

  // The gazetteer is the desk's own data, not the folder's: no desk to open.
  if (command === 'place') return place(rest.join(' '), values.json, cli);

  let desk: Desk | null = null;
  let code: number = EXIT.failed;
  try {
    desk = await openDesk({ dataDir: path.resolve(values.data ?? defaultDataDir(env)), mode: 'cli', version: DESK_VERSION });
    for (const n of desk.notices()) cli.err(t(`notices:${n.code}`, n.params));
    if (desk.readOnly && WRITES.has(command as Command)) {
      cli.err(t('errors:deskReadOnly', { dir: desk.dataDir }));
      return EXIT.failed;
    }
    // A query may come as one quoted argument or as several words.
    const arg = command === 'search' ? rest.join(' ') : (rest[0] ?? '');
    if (command === 'photo') {
      const options = { captionVi: values['caption-vi'], captionEn: values['caption-en'], credit: values.credit, creator: values.creator };
      code = await photoAdd(desk, rest[1]!, rest[2]!, options, values.json, cli);
    } else if (command === 'export') code = await exportArticle(desk, arg, values.out!, values.json, cli);
    else if (isMove(command)) code = await move(desk, command, arg, values.note, values.json, cli);
    else if (command === 'translate') code = await translate(desk, arg, values.to, values.json, cli);
    else if (command === 'assign') code = await assignUsers(desk, arg, rest.slice(1), values.json, cli);
    else if (command === 'spell') code = await spell(desk, arg, values.json, cli, values.style as ToneStyle | undefined);
    else if (command === 'login') code = await login(desk, values.server!, values.user!, await readPasswordLine(io?.stdin ?? process.stdin), cli);
    else code = await run(command as Command, desk, arg, values.json, language.data, cli);
  } catch (err) {
    const error = toErrorPayload(err);
    if (error.code === 'internal') throw err;
    cli.err(failure(t, error));
    code = EXIT.failed;
  } finally {
    // Closing writes what is pending; on a disk that filled meanwhile that fails too — said, not thrown.
    const closeFailed = await desk?.close().then(
      () => null,
      (err: unknown) => ({ err }),
    );
    if (closeFailed) {
      const error = toErrorPayload(closeFailed.err);
      if (error.code === 'internal') throw closeFailed.err; // eslint-disable-line no-unsafe-finally -- a bug of ours, shown whole
      if (code === EXIT.ok) cli.err(failure(t, error));
      code = EXIT.failed;
    }
  }
  return code;
}

function run(command: Command, desk: Desk, arg: string, json: boolean, language: Language, io: CliIo): Promise<number> | number {
  switch (command) {
    case 'list':
      return list(desk, json, io);
    case 'import':
      return importFile(desk, arg, language, io);
    case 'show':
      return show(desk, arg, json, io);
    case 'search':
      return search(desk, arg, json, io, process.stdout.isTTY ? TERMINAL_MARK : PLAIN_MARK);
    case 'place':
      return place(arg, json, io);
    case 'photo':
      return EXIT.usage; // handled before: it takes more than one argument
    case 'export':
      return EXIT.usage; // handled before: it takes --out
    case 'import-package':
      return importPackageFile(desk, arg, json, io);
    case 'login':
      return EXIT.usage; // handled before: it reads the password
    case 'sync':
      return sync(desk, json, io);
    case 'status':
      return status(desk, arg, json, io);
    case 'queue':
      return queue(desk, json, io);
    case 'submit':
    case 'take':
    case 'return':
    case 'approve':
      return EXIT.usage; // handled before: a move may carry --note
    case 'assign':
      return EXIT.usage; // handled before: it takes the users after the id
    case 'comments':
      return comments(desk, arg, json, io);
    case 'spell':
      return EXIT.usage; // handled before: it may carry --style
    case 'translate':
      return EXIT.usage; // handled before: it takes --to
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(EXIT.failed);
    },
  );
}
