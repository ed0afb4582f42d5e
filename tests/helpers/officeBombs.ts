/**
 * Office files built to hurt whatever opens them, for upload tests: a zip
 * whose entry inflates to far more than the file's size (a zip bomb), and
 * one whose XML defines entities that expand exponentially (an XML bomb,
 * "billion laughs"). Written by hand (a zip is a few fixed headers), so the
 * test controls every byte and no library refuses to write them.
 */
import { crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
}

/** A zip of deflated entries. */
export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};
const MAIN_PART = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' };

function contentTypes(kind: 'docx' | 'xlsx'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${MAIN_PART[kind]}" ContentType="${CONTENT_TYPES[kind]}"/></Types>`;
}

/** A .docx or .xlsx whose main part inflates to `inflatedBytes` of zeros (a few hundred KB on disk for 256 MB). */
export function zipBomb(kind: 'docx' | 'xlsx', inflatedBytes = 256 * 1024 * 1024): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes(kind)) },
    { name: MAIN_PART[kind], data: Buffer.alloc(inflatedBytes) },
  ]);
}

/** "Billion laughs": ten levels of ten references each, 10^9 copies of "lol" to a parser that expands entities. */
export function billionLaughs(root: string): string {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE ${root} [${levels.join('')}]><${root}>&lol9;</${root}>`;
}

/** A .docx or .xlsx whose XML parts (the content types too) are billion-laughs documents. */
export function xmlBomb(kind: 'docx' | 'xlsx'): Buffer {
  const types = contentTypes(kind).replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0"?><!DOCTYPE Types [${billionLaughs('x').match(/<!ENTITY[^>]*>/g)!.join('')}]>`).replace('</Types>', '<Default Extension="lol" ContentType="&lol9;"/></Types>');
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: MAIN_PART[kind], data: Buffer.from(billionLaughs(kind === 'docx' ? 'w:document' : 'workbook')) },
  ]);
}
