/**
 * A small PDF written for the tests and the conversion eval (evalConvert.ts): lines of text at positions we choose, in a font whose
 * ToUnicode map gives each byte the character we want (Thai, or the Private Use Area glyphs of
 * legacy Thai fonts). PDF.js reads the text through that map, as it does for real documents.
 */

export interface PdfLine {
  text: string;
  x: number;
  /** baseline, from the top of the page */
  y: number;
  size: number;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;

/** The characters of `text` split so that a Thai mark stays with its base (for wrapping). */
export function clusters(text: string): string[] {
  return text.match(/[^\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf701-\uf71a][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf701-\uf71a]*|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf701-\uf71a]+/g) ?? [];
}

/**
 * Writes legacy-font Thai: a tone mark with no vowel above it becomes the low PUA glyph
 * (U+F70A-U+F70E), a vowel below ญ or ฐ takes the descender-less PUA consonant (U+F70F, U+F700).
 */
export function toLegacyPua(text: string): string {
  return text
    .replace(/([ญฐ])(?=[\u0e38-\u0e3a])/g, (c) => (c === 'ญ' ? '\uf70f' : '\uf700'))
    .replace(/(^|[^\u0e31\u0e34-\u0e37\u0e47])([\u0e48-\u0e4c])/g, (_m, before: string, tone: string) => before + String.fromCharCode(0xf70a + tone.charCodeAt(0) - 0x0e48));
}

/** A PDF of `pages`, each a list of lines; every character must be in the BMP. */
export function writePdf(pages: PdfLine[][], options: { encryptedWithPassword?: boolean } = {}): Uint8Array {
  const chars = [...new Set(pages.flat().flatMap((l) => [...l.text]))];
  // byte codes printable in WinAnsi: 0x21-0x7E and 0xA1-0xFF without 0xAD
  const codes = [...Array(256).keys()].filter((b) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b !== 0xad));
  if (chars.length > codes.length) throw new Error('too many distinct characters for one font');
  const code = new Map(chars.map((c, i) => [c, codes[i]]));
  const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    ...chunk(chars, 100).flatMap((group) => [`${group.length} beginbfchar`, ...group.map((c) => `<${hex(code.get(c)!, 2)}> <${hex(c.charCodeAt(0), 4)}>`), 'endbfchar']),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  // every code gets a glyph name: PDF.js reads a code that the standard font's own encoding
  // leaves unnamed (0xB0 in StandardEncoding) as a space, whatever the ToUnicode map says
  const differences = chars.map((c) => `${code.get(c)!} /uni${hex(c.charCodeAt(0), 4)}`).join(' ');
  const font = add(
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 33 /LastChar 255 /Widths [${Array(223).fill(500).join(' ')}] /Encoding << /Type /Encoding /Differences [${differences}] >> /ToUnicode ${toUnicode} 0 R >>`,
  );
  const kids: number[] = [];
  for (const lines of pages) {
    const content = lines
      .map((l) => `BT /F1 ${l.size} Tf 1 0 0 1 ${l.x} ${PAGE_HEIGHT - l.y} Tm <${[...l.text].map((c) => hex(code.get(c)!, 2)).join('')}> Tj ET`)
      .join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  // a standard security handler whose user password is not empty (the /U value matches no password we know)
  const encrypt = options.encryptedWithPassword ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'AB'.repeat(32)}> /U <${'CD'.repeat(32)}> /P -4 >>`) : 0;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const encryption = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryption} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Lays out paragraphs as a document would: lines of at most `perLine` characters (a Thai mark
 * kept with its base, a break preferred at a space), a gap between paragraphs, a running header
 * and a page number on each page.
 */
export function layOut(paragraphs: string[], options: { perLine?: number; linesPerPage?: number; header?: string } = {}): PdfLine[][] {
  const perLine = options.perLine ?? 60;
  const linesPerPage = options.linesPerPage ?? 40;
  const size = 12;
  const pages: PdfLine[][] = [];
  let page: PdfLine[] = [];
  let row = 0;
  const newPage = (): void => {
    if (page.length) {
      page.push({ text: String(pages.length + 1), x: 290, y: 810, size: 10 });
      pages.push(page);
    }
    page = options.header ? [{ text: options.header, x: 60, y: 40, size: 10 }] : [];
    row = 0;
  };
  newPage();
  for (const paragraph of paragraphs) {
    const lines = wrap(paragraph, perLine);
    for (const text of lines) {
      if (row >= linesPerPage) newPage();
      page.push({ text, x: 60, y: 80 + row * 16, size });
      row++;
    }
    row++; // the gap after a paragraph
  }
  newPage();
  return pages;
}

function wrap(text: string, perLine: number): string[] {
  const parts = clusters(text);
  const lines: string[] = [];
  let start = 0;
  while (start < parts.length) {
    let end = Math.min(parts.length, start + perLine);
    if (end < parts.length) {
      const space = parts.slice(start, end).lastIndexOf(' ');
      if (space > perLine / 2) end = start + space + 1;
    }
    const line = parts.slice(start, end).join('').trim();
    if (line) lines.push(line);
    start = end;
  }
  return lines;
}

/**
 * A PDF of scanned pages: each page one PNG image (8-bit grey or RGB, not interlaced, as
 * `pdftoppm -png` writes them) drawn over an A4-wide page, and no text layer. The PNG's
 * compressed data goes into the PDF as it is (Flate with the PNG predictors).
 */
export function writeImagePdf(pngs: readonly Uint8Array[]): Uint8Array {
  const parts: Buffer[] = [];
  let length = 0;
  const write = (s: string | Buffer): void => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    parts.push(b);
    length += b.length;
  };
  const offsets: number[] = [];
  const begin = (n: number): void => {
    offsets[n - 1] = length;
    write(`${n} 0 obj\n`);
  };
  write('%PDF-1.4\n');
  const kids = pngs.map((_png, i) => 3 + 3 * i);
  begin(1);
  write('<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
  begin(2);
  write(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>\nendobj\n`);
  pngs.forEach((png, i) => {
    const image = readPng(png);
    const width = PAGE_WIDTH;
    const height = Math.round((PAGE_WIDTH * image.height) / image.width);
    const content = `q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`;
    begin(kids[i]);
    write(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im1 ${kids[i] + 1} 0 R >> >> /Contents ${kids[i] + 2} 0 R >>\nendobj\n`);
    begin(kids[i] + 1);
    write(
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /${image.colors === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${image.colors} /BitsPerComponent 8 /Columns ${image.width} >> /Length ${image.data.length} >>\nstream\n`,
    );
    write(image.data);
    write('\nendstream\nendobj\n');
    begin(kids[i] + 2);
    write(`<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`);
  });
  const xref = length;
  write(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  write(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/** A PNG's size, colours and compressed image data (its IDAT chunks joined). */
function readPng(png: Uint8Array): { width: number; height: number; colors: number; data: Buffer } {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colors = 0;
  for (let at = 8; at + 8 <= b.length; ) {
    const size = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const body = b.subarray(at + 8, at + 8 + size);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      colors = colorType === 0 ? 1 : colorType === 2 ? 3 : 0;
      if (depth !== 8 || !colors || interlace) throw new Error('writeImagePdf takes 8-bit grey or RGB PNGs, not interlaced');
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + size;
  }
  return { width, height, colors, data: Buffer.concat(idat) };
}
