/**
 * The IPTC Photo Metadata an exported photo carries, and the XMP packet that holds it.
 *
 * `xmpPacket` writes the same properties, in the same RDF shapes, as ExifTool writes for the tags
 * of `exiftoolTags` (each namespace in its own rdf:Description, language alternatives with
 * x-default first, creators as a Seq, persons as a Bag, Event as a language alternative as the
 * IPTC Extension schema defines it), so a reader finds the same values whichever wrote them.
 * It writes a whole packet for a file that has none; merging into a file's own XMP is left to
 * ExifTool (photos.ts decides).
 */
import type { WriteTags } from 'exiftool-vendored';
import { withoutControlsDeep } from '../../../src-shared/text/controls';

export interface PhotoMetadata {
  /** dc:description — the caption in the article's language (x-default), Vietnamese and English. */
  readonly description: { readonly 'x-default': string; readonly vi: string; readonly en: string };
  readonly headline: string;
  readonly creators: readonly string[];
  readonly credit: string;
  /** dc:rights (the copyright notice). */
  readonly rights: string;
  /** photoshop:DateCreated, ISO 8601 (with or without a time zone). */
  readonly dateCreated: string;
  readonly persons: readonly string[];
  readonly event: string;
  /** Iptc4xmpCore:Location (the sublocation: venue, hall). */
  readonly location: string;
  readonly city: string;
  readonly state: string;
  readonly country: string;
  readonly countryCode: string;
  /** Remove every GPS position (EXIF GPS and XMP exif:GPS*). */
  readonly stripGps: boolean;
}

/** The same metadata as ExifTool write tags (empty values left out). */
export function exiftoolTags(m: PhotoMetadata): WriteTags {
  const tags: Record<string, string | string[] | null> = {
    'XMP-dc:Description-x-default': m.description['x-default'],
    'XMP-dc:Description-vi': m.description.vi,
    'XMP-dc:Description-en': m.description.en,
    'XMP-photoshop:Headline': m.headline,
    'XMP-dc:Creator': m.creators.length ? [...m.creators] : '',
    'XMP-photoshop:Credit': m.credit,
    'XMP-dc:Rights': m.rights,
    'XMP-photoshop:DateCreated': m.dateCreated,
    'XMP-iptcExt:PersonInImage': m.persons.length ? [...m.persons] : '',
    'XMP-iptcExt:Event': m.event,
    'XMP-iptcCore:Location': m.location,
    'XMP-photoshop:City': m.city,
    'XMP-photoshop:State': m.state,
    'XMP-photoshop:Country': m.country,
    'XMP-iptcCore:CountryCode': m.countryCode,
  };
  // ExifTool refuses a value with a NUL (the whole export would fail), and no control character belongs in metadata.
  for (const [k, v] of Object.entries(tags)) {
    if (v === '') delete tags[k];
    else tags[k] = withoutControlsDeep(v);
  }
  if (m.stripGps) {
    tags['GPS:all'] = null;
    tags['XMP-exif:all'] = null;
  }
  return tags as WriteTags;
}

/** Characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF) are dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An XMP date: ISO 8601 down to fractions of a second, time zone optional. */
const XMP_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

type Property = readonly [name: string, xml: string];

const simple = (name: string, value: string): Property[] => (value ? [[name, `<${name}>${xmlText(value)}</${name}>`]] : []);

function array(name: string, kind: 'Seq' | 'Bag', values: readonly string[]): Property[] {
  if (!values.length) return [];
  const items = values.map((v) => `    <rdf:li>${xmlText(v)}</rdf:li>\n`).join('');
  return [[name, `<${name}>\n   <rdf:${kind}>\n${items}   </rdf:${kind}>\n  </${name}>`]];
}

function alternative(name: string, values: ReadonlyArray<readonly [lang: string, text: string]>): Property[] {
  const present = values.filter(([, v]) => v);
  if (!present.length) return [];
  const items = present.map(([lang, v]) => `    <rdf:li xml:lang="${lang}">${xmlText(v)}</rdf:li>\n`).join('');
  return [[name, `<${name}>\n   <rdf:Alt>\n${items}   </rdf:Alt>\n  </${name}>`]];
}

const NAMESPACES: ReadonlyArray<readonly [prefix: string, uri: string]> = [
  ['Iptc4xmpCore', 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/'],
  ['Iptc4xmpExt', 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/'],
  ['dc', 'http://purl.org/dc/elements/1.1/'],
  ['photoshop', 'http://ns.adobe.com/photoshop/1.0/'],
];

/** Whitespace left at the end of the packet so a later tool can edit it in place (the XMP specification's advice). */
const PADDING = `${' '.repeat(99)}\n`.repeat(20);

/** The XMP packet (UTF-8 text, without the JPEG segment around it). */
export function xmpPacket(m: PhotoMetadata, toolkit: string): string {
  const properties: Property[] = [
    ...simple('Iptc4xmpCore:CountryCode', m.countryCode),
    ...simple('Iptc4xmpCore:Location', m.location),
    ...alternative('Iptc4xmpExt:Event', [['x-default', m.event]]),
    ...array('Iptc4xmpExt:PersonInImage', 'Bag', m.persons),
    ...array('dc:creator', 'Seq', m.creators),
    ...alternative('dc:description', [
      ['x-default', m.description['x-default']],
      ['vi', m.description.vi],
      ['en', m.description.en],
    ]),
    ...alternative('dc:rights', [['x-default', m.rights]]),
    ...simple('photoshop:City', m.city),
    ...simple('photoshop:Country', m.country),
    ...simple('photoshop:Credit', m.credit),
    ...simple('photoshop:DateCreated', XMP_DATE.test(m.dateCreated) ? m.dateCreated : ''),
    ...simple('photoshop:Headline', m.headline),
    ...simple('photoshop:State', m.state),
  ];
  const groups = NAMESPACES.flatMap(([prefix, uri]) => {
    const own = properties.filter(([name]) => name.startsWith(`${prefix}:`));
    if (!own.length) return [];
    return [` <rdf:Description rdf:about=""\n  xmlns:${prefix}="${uri}">\n${own.map(([, xml]) => `  ${xml}\n`).join('')} </rdf:Description>\n`];
  });
  return (
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="${xmlText(toolkit)}">\n` +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n` +
    groups.join('\n') +
    `</rdf:RDF>\n</x:xmpmeta>\n${PADDING}<?xpacket end="w"?>`
  );
}
