/**
 * Word-level differences between two texts, for the version history's "what changed".
 *
 * Both texts are normalised to NFC, then cut into tokens that together cover every character:
 * runs of letters and digits (a Vietnamese syllable with its marks is one token), runs of
 * whitespace, and single punctuation characters. The tokens are compared with Myers' O(ND)
 * algorithm, so the `same` and `removed` segments concatenate back to the old text exactly and
 * the `same` and `added` segments to the new one.
 */
import { nfc } from './vietnamese';

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffSegment {
  readonly op: DiffOp;
  readonly text: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

/** The tokens of a text, in order; joined they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The old and new texts' differences, word by word, adjacent segments of one kind merged. */
export function diffWords(oldText: string, newText: string): DiffSegment[] {
  const a = tokenize(nfc(oldText));
  const b = tokenize(nfc(newText));
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffSegment[] = [];
  const push = (op: DiffOp, text: string): void => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) out[out.length - 1] = { op, text: last.text + text };
    else out.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  for (const [op, token] of readable(myers(a.slice(start, endA), b.slice(start, endB)))) push(op, token);
  push('same', a.slice(endA).join(''));
  return out;
}

/**
 * Makes an edit script read as people read changes: a lone space kept between two changes
 * ("Yên Bái" → "Lào Cai") joins them, and within each run of changes the removed words come
 * before the added ones. Both texts are still given back exactly.
 */
function readable(ops: ReadonlyArray<[DiffOp, string]>): Array<[DiffOp, string]> {
  const isChange = (i: number): boolean => i >= 0 && i < ops.length && ops[i]![0] !== 'same';
  const out: Array<[DiffOp, string]> = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    for (const t of removed) out.push(['removed', t]);
    for (const t of added) out.push(['added', t]);
    removed = [];
    added = [];
  };
  for (let i = 0; i < ops.length; i++) {
    const [op, token] = ops[i]!;
    if (op === 'removed') removed.push(token);
    else if (op === 'added') added.push(token);
    else if (/^\s+$/.test(token) && isChange(i - 1) && isChange(i + 1)) {
      removed.push(token);
      added.push(token);
    } else {
      flush();
      out.push([op, token]);
    }
  }
  flush();
  return out;
}

/** The segments' texts as they read in the old version (`same` + `removed`) or now (`same` + `added`). */
export function sideOf(segments: readonly DiffSegment[], side: 'old' | 'new'): string {
  const skip: DiffOp = side === 'old' ? 'added' : 'removed';
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');
}

/**
 * Myers' shortest edit script over two token arrays, as a list of (op, token) in order.
 */
function myers(a: readonly string[], b: readonly string[]): Array<[DiffOp, string]> {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ['added', t]);
  if (m === 0) return a.map((t) => ['removed', t]);
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  // Walk back through the saved frontiers to recover the path.
  const ops: Array<[DiffOp, string]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(['same', a[--x]!]);
      y--;
    }
    if (down) ops.push(['added', b[--y]!]);
    else ops.push(['removed', a[--x]!]);
  }
  while (x > 0 && y > 0) {
    ops.push(['same', a[--x]!]);
    y--;
  }
  return ops.reverse();
}
