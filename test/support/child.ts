/** Child processes running TypeScript through tsx, as the desk itself runs in web mode. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function spawnTs(script: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: 'pipe', env: { ...process.env } });
}

/** A bundle the build makes (`dist/server.cjs`…) as a child process of plain node, as npm's scripts run it. */
export function spawnBuilt(bundle: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  const file = path.join(ROOT, bundle);
  if (!existsSync(file)) throw new Error(`${bundle} is missing: run \`npm run build\` first (npm test does)`);
  return spawn(process.execPath, [file, ...args], { cwd: ROOT, stdio: 'pipe', env: { ...process.env } });
}

/** Reads a child's stdout line by line. */
export class Lines {
  readonly all: string[] = [];
  private partial = '';
  private waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void; reject: (err: Error) => void }> = [];
  private ended = false;

  constructor(child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      for (const line of parts) this.push(line);
    });
    child.stdout.on('end', () => {
      if (this.partial) this.push(this.partial);
      this.partial = '';
      this.ended = true;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`child output ended without the expected line; it printed:\n${this.all.join('\n')}`));
    });
  }

  private push(line: string): void {
    this.all.push(line);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(line)) return true;
      w.resolve(line);
      return false;
    });
  }

  /** The first line (already read or to come) that matches; rejects if the output ends first. */
  next(match: (line: string) => boolean): Promise<string> {
    const seen = this.all.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    if (this.ended) return Promise.reject(new Error(`child output ended; it printed:\n${this.all.join('\n')}`));
    return new Promise((resolve, reject) => this.waiters.push({ match, resolve, reject }));
  }
}

export function exited(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Collects stderr for failure messages. */
export function stderrOf(child: ChildProcessWithoutNullStreams): () => string {
  let text = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (text += c));
  return () => text;
}
