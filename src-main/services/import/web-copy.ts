/**
 * A story copied from a published web page (saved as .txt or .html) carries the page around it:
 * the station's masthead, a location and weather line ("• Hà Giang 25oC"), menu words before the
 * headline; the date line under it; the byline as a short last line; "Ý kiến bạn đọc" and
 * sharing words after the body. This reads those off the ends of the text — lines for a .txt,
 * blocks for an .html — and says what it did (src-shared/import-notes.ts), so the writer can
 * undo each part. A story without them comes through untouched.
 */
import { NO_NOTES, type ImportNotes } from '../../../src-shared/import-notes';
import { parseDateline } from '../../../src-shared/plain-article';
import { fold } from '../../../src-shared/text/vietnamese';

/** Words of a news site's menu and its reader tools, folded; a line made only of these is the page's. */
const MENU_WORDS = [
  'trang chu', 'tin tuc', 'thoi su', 'chinh tri', 'kinh te', 'xa hoi', 'van hoa', 'the thao', 'giao duc', 'y te', 'phap luat', 'quoc te', 'the gioi', 'du lich',
  'quoc phong', 'an ninh', 'khoa hoc', 'cong nghe', 'doi song', 'giai tri', 'ban doc', 'dia phuong', 'xay dung dang', 'nong nghiep', 'moi truong',
  'video', 'podcast', 'anh', 'multimedia', 'emagazine', 'infographic', 'longform', 'phong su', 'truyen hinh', 'phat thanh', 'radio', 'tv',
  'truc tiep', 'xem truc tiep', 'nghe truc tiep', 'tieng dan toc', 'chuong trinh', 'lich phat song', 'dang nhap', 'dang ky', 'tim kiem', 'lien he',
  'gioi thieu', 'english', 'menu', 'home', 'rss', 'tat ca', 'chuyen muc',
].sort((a, b) => b.length - a.length);

/** What a page writes after the story: comments, sharing, related links. */
const FOOTER_WORDS = new Set(
  ['y kien ban doc', 'binh luan', 'gui binh luan', 'viet binh luan', 'chia se', 'in bai', 'tin lien quan', 'bai lien quan', 'bai viet lien quan', 'tin cung chuyen muc', 'tin khac', 'xem them', 'dau trang', 'len dau trang', 've dau trang', 'theo doi chung toi', 'facebook', 'zalo', 'twitter', 'gui bai', 'luu bai', 'quay lai'],
);

/** The station or paper naming itself: "Đài Phát thanh và Truyền hình Hà Giang", "Báo Tuyên Quang". */
// Case matters: "Báo Tuyên Quang" is a paper, "Báo động…" a headline (so no /i, which would make \p{Lu} match any letter).
const MASTHEAD = /^(Đài ([Pp]hát [Tt]hanh|PT|[Tt]ruyền [Hh]ình|TH)\b|Báo (điện tử )?\p{Lu}|Tạp chí \p{Lu}|Cổng [Tt]hông [Tt]in|Trang [Tt]hông [Tt]in|Truyền [Hh]ình \p{Lu})/u;
/** A location or weather line: a bullet first, or a temperature ("25oC", "25°C", "oC" when the number did not copy). */
const BULLET = /^[•·▪●■◦►▸]\s*/u;
const TEMPERATURE = /^(-?\d{1,2}\s*)?[°ºo]\s*C$|\d\s*[°º]\s*C\b|\d\s*oC\b/u;
/** A story's last words that are not a byline. */
const ENDINGS = new Set(['het', '-het-', './.', 'the end']);

function isMenu(text: string): boolean {
  let rest = fold(text).replace(/[|•·/›»>\-–—,]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!rest) return false;
  while (rest) {
    const word = MENU_WORDS.find((w) => rest === w || rest.startsWith(w + ' '));
    if (!word) return false;
    rest = rest.slice(word.length).trim();
  }
  return true;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** A line of the page's head: masthead, location, weather or menu (never a sentence). */
export function isPageHead(text: string): boolean {
  if (/[.!?]$/.test(text)) return false;
  if (BULLET.test(text) && words(text).length <= 6) return true;
  if (TEMPERATURE.test(text) && words(text).length <= 6) return true;
  if (MASTHEAD.test(text) && words(text).length <= 12) return true;
  return isMenu(text);
}

function isFooter(text: string): boolean {
  const folded = fold(text).replace(/[:.…]+$/, '').trim();
  return FOOTER_WORDS.has(folded) || /^(tags?|tu khoa)\s*:/.test(folded) || (isMenu(text) && words(text).length <= 6);
}

/**
 * A byline: a short line (at most six words, 50 characters) with no sentence end and no digit,
 * most of its words capitalised as names are ("Đình Anh", "Minh Thư – Quang Huy", "Theo TTXVN").
 */
export function isByline(text: string): boolean {
  const ws = words(text);
  if (!ws.length || ws.length > 6 || text.length > 50) return false;
  if (/[.!?;:,…"”]$/.test(text) || /\d/.test(text) || ENDINGS.has(fold(text))) return false;
  const named = ws.filter((w) => /^[(“"]?\p{Lu}/u.test(w)).length;
  const joiners = ws.filter((w) => /^[-–—&/]$/.test(w) || ['và', 'theo', 'nhóm'].includes(w.toLowerCase())).length;
  return /^\p{Lu}/u.test(ws[0]!) && named * 2 >= ws.length - joiners && named > 0;
}

export interface WebCopy<T> {
  readonly items: readonly T[];
  readonly notes: ImportNotes;
  /** The date line's instant (ISO, UTC), when one was read. */
  readonly storyDate: string | null;
}

/**
 * Takes the page's lines off the ends of `items` (lines of a .txt, `separated` false: a byline
 * must then stand alone between blank lines; blocks of an .html, `separated` true). At least the
 * headline and one more item are always left, so a short note is never emptied away.
 */
export function readWebCopy<T>(input: readonly T[], textOf: (item: T) => string, separated: boolean): WebCopy<T> {
  const items = [...input];
  const text = (i: number) => textOf(items[i]!).trim();
  const filled = () => items.filter((_, i) => text(i)).length;
  const dropped: string[] = [];
  const footer: string[] = [];
  let dateLine: string | null = null;
  let storyDate: string | null = null;

  // Before the headline: the page's head, and a date line some pages put above the title.
  const head: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const t = text(i);
    if (!t) continue;
    const date = dateLine === null ? parseDateline(t) : null;
    if (date) {
      dateLine = t;
      storyDate = date;
    } else if (isPageHead(t)) dropped.push(t);
    else break;
    head.push(i);
  }
  if (filled() - head.length < 2) return { items: input, notes: NO_NOTES, storyDate: null };
  for (const i of head.reverse()) items.splice(i, 1);
  // Blank lines the head leaves on top go too.
  while (items.length && !text(0)) items.shift();

  // Right under the headline: the date line.
  if (dateLine === null) {
    let next = 1;
    while (next < items.length && !text(next)) next++;
    const date = next < items.length ? parseDateline(text(next)) : null;
    if (date) {
      dateLine = text(next);
      storyDate = date;
      items.splice(next, 1);
    }
  }

  // After the body: the page's footer, then the byline.
  const trimEnd = () => {
    while (items.length && !text(items.length - 1)) items.pop();
  };
  trimEnd();
  while (filled() > 2 && isFooter(text(items.length - 1))) {
    footer.unshift(text(items.length - 1));
    items.pop();
    trimEnd();
  }
  let byline: string | null = null;
  const last = items.length - 1;
  const alone = separated || (last > 0 && !text(last - 1));
  if (filled() > 2 && alone && isByline(text(last))) {
    byline = text(last);
    items.pop();
    trimEnd();
  }
  return { items, notes: { dropped, footer, dateLine, byline }, storyDate };
}
