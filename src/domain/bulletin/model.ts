// The bulletin as a plain document model: what the markdown, HTML and Word renderers lay out.
// Text is final (numbers already worded); renderers only choose fonts, sizes and page layout.

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface HeadingBlock {
  kind: 'heading';
  /** 1: "一、…" (黑体), 2: "（一）…" (楷体). */
  level: 1 | 2;
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** Default: justified with a first-line indent of two characters. */
  align?: Align;
  /** false for lines that start at the margin (主送机关, 附件 labels). */
  indent?: boolean;
}

export interface TableColumn {
  /** May hold "\n" where a header cell should break ("比谋划看储备\n（20分）"). */
  title: string;
  align?: Align;
  /** Relative width (the renderers share the text width out in proportion). */
  width?: number;
}

export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  rows: string[][];
  /** Lines under the table ("注：…"). */
  notes?: string[];
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface Appendix {
  /** "附件1" */
  label: string;
  title: string;
  blocks: Block[];
  /** A table too wide for portrait pages asks for a landscape section. */
  landscape: boolean;
  /** Starts on a new page (a 通报's 附件); false lets a short 附表 follow the text. */
  newPage: boolean;
}

export interface BulletinDocument {
  kind: 'province' | 'city';
  /** Marks printed at the top left, as GB/T 9704 places 份号/密级: "模拟数据", "草稿". */
  marks: string[];
  /** 发文机关标志 (red, centred), or null for the city summary, which is an article. */
  issuer: string | null;
  /** The line under the issuer (发文字号 style), e.g. "2020年第3期". */
  serial: string | null;
  /** A line above the title (the article's kicker), or null. */
  kicker: string | null;
  title: string;
  /** A line under the title (by-line, data date). */
  subtitle: string | null;
  /** 主送机关, ending in "：". */
  addressee: string | null;
  body: Block[];
  /** Lines of the 附件 list under the body ("附件：1. …"). */
  attachmentList: string[];
  /** 落款: issuing body and date, right-aligned. */
  signature: { issuer: string; date: string } | null;
  /** Small-print notes after the body: data status (published or draft), simulated data, method. */
  notes: string[];
  appendices: Appendix[];
}

export const paragraph = (
  text: string,
  extra: Omit<ParagraphBlock, 'kind' | 'text'> = {},
): ParagraphBlock => ({
  kind: 'paragraph',
  text,
  ...extra,
});

export const heading = (level: 1 | 2, text: string): HeadingBlock => ({ kind: 'heading', level, text });

/** Every text of the document in reading order (tests and plain-text search). */
export function documentText(doc: BulletinDocument): string {
  const lines: string[] = [...doc.marks];
  for (const line of [doc.issuer, doc.serial, doc.kicker, doc.title, doc.subtitle, doc.addressee]) {
    if (line) lines.push(line);
  }
  const blockText = (b: Block): string[] =>
    b.kind === 'table'
      ? [
          b.columns.map((c) => c.title.replace(/\n/g, '')).join(' | '),
          ...b.rows.map((r) => r.join(' | ')),
          ...(b.notes ?? []),
        ]
      : [b.text];
  lines.push(...doc.body.flatMap(blockText), ...doc.attachmentList);
  if (doc.signature) lines.push(doc.signature.issuer, doc.signature.date);
  lines.push(...doc.notes);
  for (const a of doc.appendices) lines.push(a.label, a.title, ...a.blocks.flatMap(blockText));
  return lines.join('\n');
}
