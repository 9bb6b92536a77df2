/**
 * Which block types the selection is in, for the toolbar's pressed states: the answers of
 * Tiptap's `isActive(name, attrs)` for node types (helpers/isNodeActive.ts), all from one walk
 * of the selection instead of one walk each. `isActive` walks the document's blocks from the
 * first to the selection every time (a long article holds over a hundred); the toolbar asked
 * eight of them on every keystroke.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';

export interface BlockQuery {
  readonly type: string;
  /** Attributes the node must have (compared with ===, as isActive does). */
  readonly attrs?: Readonly<Record<string, unknown>>;
}

function matches(node: PMNode, query: BlockQuery): boolean {
  if (node.type.name !== query.type) return false;
  const attrs = query.attrs;
  if (!attrs) return true;
  for (const key of Object.keys(attrs)) if (attrs[key] !== node.attrs[key]) return false;
  return true;
}

/** For each query, what `isActive(query.type, query.attrs)` answers for a node type in `state`. */
export function activeBlocks(state: EditorState, queries: readonly BlockQuery[]): boolean[] {
  const { from, to, empty } = state.selection;
  const covered = queries.map(() => 0);
  const found = queries.map(() => false);
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) return;
    const span = Math.min(to, pos + node.nodeSize) - Math.max(from, pos);
    for (let i = 0; i < queries.length; i++) {
      if (!matches(node, queries[i]!)) continue;
      found[i] = true;
      covered[i] = covered[i]! + span;
    }
  });
  return queries.map((_, i) => (empty ? found[i]! : covered[i]! >= to - from));
}
