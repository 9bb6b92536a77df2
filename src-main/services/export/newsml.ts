/**
 * `newsml/item.xml`: an IPTC NewsML-G2 2.35 newsMessage (power conformance) holding, in one
 * file, the text newsItem (headline, lead, XHTML body, creator, place, topics, keywords — each
 * text element with its xml:lang; contentCreated the story's own date, firstCreated when the
 * desk made the article; the event as a subject with its dates and organisers), a picture
 * newsItem per photo (captions in vi and en, credit, creator, the file in photos/) and the
 * packageItem that groups the article and its photos.
 * A newsMessage's itemSet is the standard's way to carry several items in one document.
 */
import { eventIso } from '../../../src-shared/event-dates';
import { topicLabel } from '../../../src-shared/media-topics';
import { LANGUAGES } from '../../../src-shared/models';
import { isStoryDate } from '../../../src-shared/story-date';
import { articleUri, photoUri, type ExportSource } from './source';
import { pubStatusOf } from './pub-status';

const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';
const ITEM_ATTRS = 'version="1" standard="NewsML-G2" standardversion="2.35" conformance="power"';

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold at all
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

const el = (name: string, text: string, attrs = ''): string => (text ? `<${name}${attrs ? ' ' + attrs : ''}>${escapeXml(text)}</${name}>` : '');
const lang = (l: string) => `xml:lang="${l}"`;

function itemMeta(itemClass: string, src: ExportSource, firstCreated?: string): string {
  return [
    '<itemMeta>',
    `<itemClass qcode="${itemClass}"/>`,
    '<provider literal="Bàn Tin"/>',
    `<versionCreated>${src.exportedAt}</versionCreated>`,
    firstCreated ? `<firstCreated>${firstCreated}</firstCreated>` : '',
    `<pubStatus qcode="stat:${pubStatusOf(src.view.status)}"/>`,
    '</itemMeta>',
  ].join('');
}

/** The body as XHTML (bodyHtml is escaped HTML whose only void element is <br>). */
const xhtml = (html: string) => html.replace(/<br>/g, '<br/>').replace(NOT_XML, '');

function textItem(src: ExportSource): string {
  const { view, event, language } = src;
  const created = new Date(view.createdAt);
  const firstCreated = Number.isNaN(created.getTime()) ? undefined : created.toISOString();
  // The content was created at the story's own date (its date line); the item when the desk made it.
  const contentCreated = isStoryDate(view.storyDate) ? view.storyDate : firstCreated;
  const place = event.place;
  const contentMeta = [
    '<contentMeta>',
    contentCreated ? `<contentCreated>${contentCreated}</contentCreated>` : '',
    place ? `<located type="${place.unit.level === 'province' ? 'loctype:adminArea1' : 'loctype:adminArea2'}" literal="gso:${place.unit.code}">${el('name', place.unit.name, lang('vi'))}</located>` : '',
    view.byline ? `<creator>${el('name', view.byline)}</creator>` : '',
    `<language tag="${language}"/>`,
    view.section ? `<genre literal="section">${el('name', view.section, lang(language))}</genre>` : '',
    ...event.topics.map((code) => `<subject type="cpnat:abstract" qcode="${escapeXml(code)}">${LANGUAGES.map((l) => el('name', topicLabel(code, l), lang(l))).join('')}</subject>`),
    eventSubject(src),
    ...event.participants.filter((p) => p.person).map((p, i) => `<subject type="cpnat:person" literal="participant-${i + 1}">${el('name', p.person, lang(language))}</subject>`),
    ...event.keywords.map((k) => el('keyword', k, lang(language))),
    el('headline', view.headline, lang(language)),
    el('description', view.sapo, `role="drol:summary" ${lang(language)}`),
    '</contentMeta>',
  ].join('');
  const body = `<html xmlns="http://www.w3.org/1999/xhtml" ${lang(language)}><head><title>${escapeXml(view.headline)}</title></head><body>${xhtml(src.bodyHtml)}</body></html>`;
  return [
    `<newsItem guid="${articleUri(view.id)}" ${ITEM_ATTRS} ${lang(language)}>`,
    `<catalogRef href="${CATALOG}"/>`,
    itemMeta('ninat:text', src, firstCreated),
    contentMeta,
    `<contentSet><inlineXML contenttype="application/xhtml+xml" ${lang(language)}>${body}</inlineXML></contentSet>`,
    '</newsItem>',
  ].join('\n');
}

/** The XML Schema namespace, for the `valuedatatype` QNames of the event's dates. */
const XS = 'http://www.w3.org/2001/XMLSchema';

/**
 * The event as a subject of the content (cpnat:event): its name, its start and end as related
 * values typed xs:dateTime (or xs:date), its venue as a note, and its organisers as related
 * organisations. A news item holds no eventDetails (those live in event items), so these are
 * the properties a subject may carry.
 */
function eventSubject(src: ExportSource): string {
  const { event, language } = src;
  const organisers = event.organisers.filter((o) => o.name);
  const times = (['start', 'end'] as const)
    .map((which) => ({ which, iso: eventIso(event, which) }))
    .filter((t) => t.iso)
    .map((t) => `<related literal="${t.which}" value="${t.iso}" valuedatatype="${t.iso.includes('T') ? 'xs:dateTime' : 'xs:date'}" xmlns:xs="${XS}"/>`);
  if (!event.title && !times.length && !organisers.length) return '';
  return [
    '<subject type="cpnat:event" literal="event">',
    el('name', event.title, lang(language)),
    el('note', event.venue, lang(language)),
    ...times,
    ...organisers.map((o, i) => `<related type="cpnat:organisation" literal="organiser-${i + 1}">${el('name', o.name, lang(language))}</related>`),
    '</subject>',
  ].join('');
}

function pictureItem(src: ExportSource, p: ExportSource['photos'][number]): string {
  const e = p.entry;
  const contentMeta = [
    '<contentMeta>',
    e.creator ? `<creator>${el('name', e.creator)}</creator>` : '',
    el('creditline', e.credit),
    ...LANGUAGES.map((l) => el('description', e.captions[l], `role="drol:caption" ${lang(l)}`)),
    '</contentMeta>',
  ].join('');
  const size = [p.width ? `width="${p.width}"` : '', p.height ? `height="${p.height}"` : ''].filter(Boolean).join(' ');
  return [
    `<newsItem guid="${photoUri(e.id)}" ${ITEM_ATTRS} ${lang(src.language)}>`,
    `<catalogRef href="${CATALOG}"/>`,
    itemMeta('ninat:picture', src),
    contentMeta,
    `<contentSet><remoteContent href="../${escapeXml(encodeURI(e.file))}" contenttype="${p.mime}"${size ? ' ' + size : ''}/></contentSet>`,
    '</newsItem>',
  ].join('\n');
}

function packageItem(src: ExportSource): string {
  const { view, language } = src;
  const refs = [
    `<itemRef residref="${articleUri(view.id)}" contenttype="application/vnd.iptc.g2.newsitem+xml"><itemClass qcode="ninat:text"/>${el('title', view.headline, lang(language))}</itemRef>`,
    ...(src.pair ? [`<itemRef residref="${articleUri(src.pair.view.id)}" contenttype="application/vnd.iptc.g2.newsitem+xml"><itemClass qcode="ninat:text"/>${el('title', src.pair.view.headline, lang(src.pair.language))}</itemRef>`] : []),
    ...src.photos.map(
      (p) => `<itemRef residref="${photoUri(p.entry.id)}" contenttype="application/vnd.iptc.g2.newsitem+xml"><itemClass qcode="ninat:picture"/>${LANGUAGES.map((l) => el('title', p.entry.captions[l], lang(l))).join('')}</itemRef>`,
    ),
  ];
  return [
    `<packageItem guid="${articleUri(view.id)}:package" ${ITEM_ATTRS} ${lang(language)}>`,
    `<catalogRef href="${CATALOG}"/>`,
    itemMeta('ninat:composite', src),
    `<contentMeta>${el('headline', view.headline, lang(language))}</contentMeta>`,
    `<groupSet root="main"><group id="main" role="group:main">${refs.join('')}</group></groupSet>`,
    '</packageItem>',
  ].join('\n');
}

/** The pair's other article as a source of its own text item (the event and photos stay the exported article's). */
function pairSource(src: ExportSource, pair: NonNullable<ExportSource['pair']>): ExportSource {
  return { ...src, view: pair.view, language: pair.language, other: src.language, bodyHtml: pair.bodyHtml, bodyLines: pair.bodyLines, pair: undefined };
}

export function newsmlDocument(src: ExportSource): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<newsMessage xmlns="${NAR}">`,
    `<header><sent>${src.exportedAt}</sent><origin>Bàn Tin ${escapeXml(src.deskVersion)}</origin></header>`,
    '<itemSet>',
    textItem(src),
    // A translation pair: the other language's text as a second text item.
    ...(src.pair ? [textItem(pairSource(src, src.pair))] : []),
    ...src.photos.map((p) => pictureItem(src, p)),
    packageItem(src),
    '</itemSet>',
    '</newsMessage>',
    '',
  ].join('\n');
}
