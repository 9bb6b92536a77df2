/**
 * A translation pair in an exported package: `translation.json` beside `article.json` holds the
 * pair's other article (in the same lossless shape), which of the two is the translation, and
 * the translation's records (`translationPairs`: each translated block's source block, hash and
 * text). With the body blocks' ids in both articles' `article.json`, an import recreates the
 * pair as it was: the same blocks are paired, and the same ones are stale.
 *
 * A separate file rather than fields of `article.json`, so a desk that knows nothing of pairs
 * still opens the package (it checks the file against the manifest and reads only its article).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { body } from '../article-doc';
import { BODY_NODES, PackageArticle, type BodyNode } from '../package-article';
import { blockIdOf, BLOCK_ID_ATTR } from './blocks';
import { pairRecord, pairsMap, type PairRecord } from './pairs';

export const PACKAGE_PAIR_FILE = 'translation.json';

const Record_ = z.object({ source: z.string().max(100), hash: z.string().max(100).optional(), text: z.string().max(1_000_000).optional(), at: z.string().max(40).optional() }).strict();

export const PackagePair = z
  .object({
    /** What the article of this file is to the package's own article. */
    role: z.enum(['source', 'translation']),
    /** When the source listed its translation (its link's time). */
    linkedAt: z.string().max(40),
    article: PackageArticle,
    /** The translation's records, by the translation block's id. */
    pairs: z.record(z.string().max(100), Record_),
  })
  .strict();
export type PackagePair = z.infer<typeof PackagePair>;

/** The translation's records as they are in its document. */
export function pairRecords(translation: Y.Doc): Record<string, PairRecord> {
  const out: Record<string, PairRecord> = {};
  for (const key of pairsMap(translation).keys()) {
    const rec = pairRecord(translation, key);
    if (rec) out[key] = rec;
  }
  return out;
}

/**
 * The id of each top-level node of the body, in the order `article.json` lists them (null for
 * a bare text node), so a block whose id only its Yjs item gives (written before ids, or by the
 * command line) keeps that id in the package: the imported copy's items are new.
 */
export function bodyNodeIds(doc: Y.Doc): Array<string | null> {
  const out: Array<string | null> = [];
  for (const n of body(doc).toArray()) {
    if (n instanceof Y.XmlText) out.push(null);
    else if (n instanceof Y.XmlElement && (BODY_NODES as readonly string[]).includes(n.nodeName)) out.push(blockIdOf(n));
  }
  return out;
}

/** `article.json`'s body with each top-level block's id written into its attributes. */
export function withBlockIds(nodes: readonly BodyNode[], ids: ReadonlyArray<string | null>): BodyNode[] {
  return nodes.map((n, i) => {
    const id = ids[i];
    if (!('node' in n) || !id || typeof n.attrs[BLOCK_ID_ATTR] === 'string') return n;
    return { ...n, attrs: { ...n.attrs, [BLOCK_ID_ATTR]: id } };
  });
}

// links.ts's key of a source's link to a translation.
const LINK_PREFIX = 'translation@';

/** Removes every translation link and `translationOf` from an imported copy's meta: they name the exporting desk's articles. */
export function dropPairLinks(doc: Y.Doc): void {
  const m = doc.getMap('meta');
  for (const key of [...m.keys()]) if (key.startsWith(LINK_PREFIX) || key === 'translationOf') m.delete(key);
}

/** Writes the records of an imported translation. */
export function setPairRecords(translation: Y.Doc, records: Readonly<Record<string, PairRecord>>): void {
  const map = pairsMap(translation);
  for (const [key, rec] of Object.entries(records)) map.set(key, { ...rec });
}
