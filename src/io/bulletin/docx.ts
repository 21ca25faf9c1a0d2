// The bulletin as a Word document laid out after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
// title 2号方正小标宋简体, body 3号仿宋_GB2312 at a fixed 29 pt line (22 lines a page), headings 黑体 "一、"
// and 楷体 "（一）", first lines indented two characters, page numbers "— 1 —" in 4号宋体 (odd pages
// right, even pages left), appendix tables with borders in landscape sections.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  type IParagraphOptions,
  type ISectionOptions,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Align, Block, BulletinDocument, TableBlock } from '../../domain/bulletin/model';
import { titleLines } from '../../domain/bulletin/title';
import { FALLBACK_FONTS, LATIN_FONT, WORD_FONTS, type WordFont } from './fonts';

const mm = convertMillimetersToTwip;
const PT = 20; // twips per point
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const LANDSCAPE_MARGIN = { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) };
/** Footer distance from the page edge: the page number's top sits about 7 mm under the text block. */
const FOOTER_BELOW_TEXT = mm(13);
const LINE = 29 * PT; // fixed line spacing: 22 lines of 3号 text on the 225 mm text block
const BODY = 32; // half-points: 3号 = 16 pt
const TITLE = 44; // 2号 = 22 pt
const PAGE_NO = 28; // 4号 = 14 pt
const TABLE_TEXT = 21; // 五号 = 10.5 pt
const NOTE_TEXT = 28;
const APPENDIX_TITLE = 32; // 三号 = 16 pt: one line over a landscape table, leaving room for 18 rows

function font(f: WordFont) {
  return {
    eastAsia: f.eastAsia,
    ascii: LATIN_FONT,
    hAnsi: LATIN_FONT,
    cs: LATIN_FONT,
    hint: 'eastAsia' as const,
  };
}

const LANG = { value: 'en-US', eastAsia: 'zh-CN' };

function run(
  text: string,
  f: WordFont,
  size: number,
  extra: { color?: string; characterSpacing?: number } = {},
): TextRun {
  return new TextRun({ text, font: font(f), size, language: LANG, ...extra });
}

/** A centred title in balanced lines: as many characters a line as the text width holds at this size. */
function titleRuns(text: string, f: WordFont, size: number, textWidth: number): TextRun[] {
  const perLine = Math.floor(textWidth / (size * 10));
  return titleLines(text, perLine).map(
    (line, i) =>
      new TextRun({ text: line, font: font(f), size, language: LANG, break: i === 0 ? undefined : 1 }),
  );
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function exact(line: number, before = 0, after = 0) {
  return { line, lineRule: LineRuleType.EXACT, before, after };
}

/** First line indented two characters (firstLineChars for Word; twips for readers without it). */
function indent2(size: number) {
  return { firstLineChars: 200, firstLine: size * 20 };
}

function bodyParagraph(
  text: string,
  opts: Partial<IParagraphOptions> & { f?: WordFont; size?: number; indent?: boolean } = {},
) {
  const size = opts.size ?? BODY;
  const { f = WORD_FONTS.fangsong, indent = true, ...rest } = opts;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(LINE),
    indent: indent ? indent2(size) : undefined,
    children: [run(text, f, size)],
    ...rest,
  });
}

function blank(): Paragraph {
  return new Paragraph({ spacing: exact(LINE), children: [run('', WORD_FONTS.fangsong, BODY)] });
}

function blockParagraphs(block: Block, textWidth: number): (Paragraph | Table)[] {
  if (block.kind === 'heading') {
    const f = block.level === 1 ? WORD_FONTS.hei : WORD_FONTS.kai;
    return [bodyParagraph(block.text, { f, keepNext: true })];
  }
  if (block.kind === 'table') return tableBlock(block, textWidth);
  return [
    bodyParagraph(block.text, {
      indent: block.indent !== false,
      alignment: ALIGN[block.align ?? 'justify'],
    }),
  ];
}

const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** A cell's text; "\n" in a column title starts a new line. */
function cellParagraph(text: string, header: boolean, align: Align) {
  const f = header ? WORD_FONTS.hei : WORD_FONTS.fangsong;
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: exact(13 * PT),
    children: text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          font: font(f),
          size: TABLE_TEXT,
          language: LANG,
          break: i === 0 ? undefined : 1,
        }),
    ),
  });
}

function tableBlock(block: TableBlock, textWidth: number): (Paragraph | Table)[] {
  const total = block.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = block.columns.map((c) => Math.floor((textWidth * (c.width ?? 1)) / total));
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { top: 20, bottom: 20, left: 60, right: 60 },
            children: [
              cellParagraph(text, header, header ? 'center' : (block.columns[i]?.align ?? 'center')),
            ],
          }),
      ),
    });
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
    rows: [
      row(
        block.columns.map((c) => c.title),
        true,
      ),
      ...block.rows.map((r) => row(r, false)),
    ],
  });
  const notes = (block.notes ?? []).map(
    (n, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: exact(20 * PT, i === 0 ? 6 * PT : 0),
        children: [run(n, WORD_FONTS.fangsong, NOTE_TEXT - 4)],
      }),
  );
  return [table, ...notes];
}

/** "— 1 —": odd pages at the right, even pages at the left, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const f = WORD_FONTS.song;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NO * 10 } : { left: PAGE_NO * 10 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(f),
            size: PAGE_NO,
            language: LANG,
          }),
        ],
      }),
    ],
  });
}

function footers() {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}

function section(children: (Paragraph | Table)[], landscape: boolean, first: boolean): ISectionOptions {
  const margins = landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  return {
    properties: {
      type: first ? undefined : SectionType.NEXT_PAGE,
      page: {
        size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...margins, footer: margins.bottom - FOOTER_BELOW_TEXT, header: mm(15) },
        pageNumbers: first ? { start: 1 } : undefined,
      },
    },
    footers: footers(),
    children,
  };
}

const textWidthOf = (landscape: boolean) =>
  landscape
    ? A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right
    : A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;

function mainSection(doc: BulletinDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (doc.marks.length) out.push(bodyParagraph(doc.marks.join('　'), { f: WORD_FONTS.hei, indent: false }));
  if (doc.issuer) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(40 * PT, doc.marks.length ? 6 * PT : 0, 12 * PT),
        children: [run(doc.issuer, WORD_FONTS.title, 52, { color: 'FF0000', characterSpacing: 20 })],
      }),
    );
  }
  if (doc.serial) {
    // 发文字号 line with the red separator 4 mm under it.
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(LINE, 0, 2 * LINE),
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 11 } },
        children: [run(doc.serial, WORD_FONTS.fangsong, BODY)],
      }),
    );
  }
  if (doc.kicker) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(LINE, 0, 6 * PT),
        children: titleRuns(doc.kicker, WORD_FONTS.kai, BODY, textWidthOf(false)),
      }),
    );
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(35 * PT, 0, doc.subtitle ? 6 * PT : LINE),
      children: titleRuns(doc.title, WORD_FONTS.title, TITLE, textWidthOf(false)),
    }),
  );
  if (doc.subtitle) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(LINE, 0, LINE),
        children: [run(doc.subtitle, WORD_FONTS.kai, BODY)],
      }),
    );
  }
  if (doc.addressee) out.push(bodyParagraph(doc.addressee, { indent: false }));
  const width = textWidthOf(false);
  for (const block of doc.body) out.push(...blockParagraphs(block, width));
  if (doc.attachmentList.length) {
    out.push(blank());
    // "附件：1．" is 4.5 characters wide: wrapped lines align with the first character of the name.
    for (const line of doc.attachmentList) {
      out.push(
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: exact(LINE),
          indent: { left: BODY * 10 * 6.5, hanging: BODY * 10 * 4.5 },
          children: [run(line, WORD_FONTS.fangsong, BODY)],
        }),
      );
    }
  }
  if (doc.signature) {
    out.push(blank(), blank());
    // 发文机关署名 above 成文日期, both right-aligned four characters in from the margin.
    for (const line of [doc.signature.issuer, doc.signature.date]) {
      out.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: exact(LINE),
          indent: { right: BODY * 10 * 4 },
          children: [run(line, WORD_FONTS.fangsong, BODY)],
        }),
      );
    }
  }
  return out;
}

/** Notes on the data in 4号仿宋 after the text: published or draft, simulated data, the scheme. */
function noteParagraphs(doc: BulletinDocument): Paragraph[] {
  if (doc.notes.length === 0) return [];
  return [
    blank(),
    ...doc.notes.map(
      (n) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(22 * PT),
          indent: indent2(NOTE_TEXT),
          children: [run(n, WORD_FONTS.fangsong, NOTE_TEXT)],
        }),
    ),
  ];
}

function appendixSection(a: BulletinDocument['appendices'][number]): (Paragraph | Table)[] {
  const width = textWidthOf(a.landscape);
  return [
    bodyParagraph(a.label, { f: WORD_FONTS.hei, indent: false }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(28 * PT, 6 * PT, 10 * PT),
      children: titleRuns(a.title, WORD_FONTS.title, APPENDIX_TITLE, width),
    }),
    ...a.blocks.flatMap((b) => blockParagraphs(b, width)),
  ];
}

/** word/fontTable.xml with the official fonts and their substitutes (see fonts.ts). */
export function fontTableXml(): string {
  const entry = (name: string, alt: string, family: string, panose: string) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:panose1 w:val="${panose}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  const fonts = [
    ...Object.values(WORD_FONTS).map((f) => entry(f.eastAsia, f.altName, f.family, f.panose)),
    ...FALLBACK_FONTS.map((f) => entry(f.name, f.altName, f.family, f.panose)),
    `<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}

export async function renderDocx(doc: BulletinDocument): Promise<Buffer> {
  // A short portrait 附表 follows the text, before the notes; a 附件 starts its own section (landscape when wide).
  const inline = doc.appendices.filter((a) => !a.newPage && !a.landscape);
  const paged = doc.appendices.filter((a) => !inline.includes(a));
  const main = [
    ...mainSection(doc),
    ...inline.flatMap((a) => [blank(), ...appendixSection(a)]),
    ...noteParagraphs(doc),
  ];
  const sections = paged.map((a) => section(appendixSection(a), a.landscape, false));
  sections.unshift(section(main, false, true));
  const file = new Document({
    creator: 'sibi',
    title: doc.title,
    description: doc.marks.length ? doc.marks.join('；') : undefined,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(WORD_FONTS.fangsong), size: BODY, language: LANG },
          paragraph: { spacing: exact(LINE) },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(file, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
