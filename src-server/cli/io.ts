/**
 * What the server's commands read and write, given to them (tests run them in-process with
 * their own): lines out and errors, the environment, and a line of input (a password).
 */
import { createInterface } from 'node:readline';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** One line of standard input; `prompt` is shown (on stderr) when it is a terminal. */
  readonly readLine: (prompt: string) => Promise<string>;
}

/** A refusal to report as it is: the message, and the exit code (2: the command line was wrong). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

export const processIo: CommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  readLine: (prompt) =>
    new Promise((resolve, reject) => {
      const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: false });
      if (process.stdin.isTTY) process.stderr.write(prompt);
      let answered = false;
      rl.once('line', (line) => {
        answered = true;
        rl.close();
        resolve(line);
      });
      rl.once('close', () => {
        if (!answered) reject(new CommandError('no password given (standard input ended)'));
      });
    }),
};
