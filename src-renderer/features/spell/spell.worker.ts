/**
 * The spellchecker off the page's thread: loads both dictionaries once (files bundled with the
 * desk and served by it — the same origin, never the network) and answers each batch of texts
 * with their misspellings. Known words replace the checker's list when the page sends them.
 */
import enAff from 'dictionary-en/index.aff?url';
import enDic from 'dictionary-en/index.dic?url';
import viAff from 'dictionary-vi/index.aff?url';
import viDic from 'dictionary-vi/index.dic?url';
import { createSpellChecker, type SpellChecker } from '../../../src-shared/spell/checker';
import type { FromWorker, ToWorker } from './protocol';

const text = async (url: string): Promise<string> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
};

let known: readonly string[] = [];
const ready: Promise<SpellChecker> = Promise.all([text(viAff), text(viDic), text(enAff), text(enDic)]).then(([va, vd, ea, ed]) =>
  createSpellChecker({ vi: { aff: va, dic: vd }, en: { aff: ea, dic: ed } }, { known }),
);

const post = (message: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(message);

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'known') {
    known = message.words;
    void ready.then((checker) => checker.setKnown(known));
    return;
  }
  ready.then(
    (checker) => post({ type: 'checked', id: message.id, results: message.items.map((item) => checker.check(item.text, item.language)) }),
    (err: unknown) => post({ type: 'failed', id: message.id, message: String(err) }),
  );
});
