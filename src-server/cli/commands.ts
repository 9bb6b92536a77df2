/** The server's admin commands: `server <command> …` (main.ts passes them here). */
import { BACKUP_USAGE, backupCommand } from './backup';
import { CommandError, processIo, type CommandIo } from './io';
import { MIGRATE_USAGE, migrateCommand } from './migrate';
import { USERS_USAGE, usersCommand } from './users';

export const COMMANDS = ['backup', 'migrate', 'users', 'help'] as const;

const HELP = ['usage:', `       ${BACKUP_USAGE}`, `       ${MIGRATE_USAGE}`, `       ${USERS_USAGE}`].join('\n');

/** Runs one command; resolves with its exit code (its failure is reported on `io.err`). */
export async function runCommand(command: string, args: readonly string[], io: CommandIo = processIo): Promise<number> {
  try {
    switch (command) {
      case 'backup':
        return await backupCommand(args, io);
      case 'migrate':
        return await migrateCommand(args, io);
      case 'users':
        return await usersCommand(args, io);
      case 'help':
        io.out(HELP);
        return 0;
      default:
        throw new CommandError(HELP, 2);
    }
  } catch (err) {
    if (err instanceof CommandError) {
      io.err(err.message);
      return err.code;
    }
    // parseArgs' refusals (an unknown option) are the command line's fault.
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(err as Error).message}\n${HELP}`);
      return 2;
    }
    throw err;
  }
}
