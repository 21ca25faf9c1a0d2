// The bulletin as Markdown (GitHub-flavoured tables): for review, diffs and pasting into other tools.
import type { Block, BulletinDocument, TableBlock } from '../../domain/bulletin/model';

/** Escapes what Markdown would read as markup; Chinese text is left as it is. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function table(block: TableBlock): string[] {
  const cell = (t: string) => escapeMarkdown(t).replace(/\n/g, '');
  const align = (a: string | undefined) => (a === 'center' ? ':---:' : a === 'right' ? '---:' : '---');
  const lines = [
    `| ${block.columns.map((c) => cell(c.title)).join(' | ')} |`,
    `| ${block.columns.map((c) => align(c.align)).join(' | ')} |`,
    ...block.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  if (block.notes?.length) lines.push('', ...block.notes.map((n) => `${escapeMarkdown(n)}  `));
  return lines;
}

function blockLines(block: Block): string[] {
  if (block.kind === 'heading') return [`${block.level === 1 ? '##' : '###'} ${escapeMarkdown(block.text)}`];
  if (block.kind === 'table') return table(block);
  return [escapeMarkdown(block.text)];
}

export function renderMarkdown(doc: BulletinDocument): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines, '');
  if (doc.marks.length) push(`> **${doc.marks.map(escapeMarkdown).join(' · ')}**`);
  if (doc.issuer) push(`**${escapeMarkdown(doc.issuer)}**`);
  if (doc.serial) push(escapeMarkdown(doc.serial));
  if (doc.kicker) push(`*${escapeMarkdown(doc.kicker)}*`);
  push(`# ${escapeMarkdown(doc.title)}`);
  if (doc.subtitle) push(escapeMarkdown(doc.subtitle));
  if (doc.addressee) push(escapeMarkdown(doc.addressee));
  for (const block of doc.body) push(...blockLines(block));
  if (doc.attachmentList.length) push(doc.attachmentList.map((l) => `${escapeMarkdown(l)}  `).join('\n'));
  if (doc.signature) push(`${escapeMarkdown(doc.signature.issuer)}  \n${escapeMarkdown(doc.signature.date)}`);
  const appendix = (a: BulletinDocument['appendices'][number]) => {
    push('---', `## ${escapeMarkdown(a.label)}　${escapeMarkdown(a.title)}`);
    for (const block of a.blocks) push(...blockLines(block));
  };
  // A 附表 that follows the text comes before the notes; 附件 on pages of their own come after.
  const inline = doc.appendices.filter((a) => !a.newPage);
  inline.forEach(appendix);
  if (doc.notes.length) push('---', ...doc.notes.map((n) => `- ${escapeMarkdown(n)}`));
  doc.appendices.filter((a) => a.newPage).forEach(appendix);
  return `${out.join('\n').trimEnd()}\n`;
}
