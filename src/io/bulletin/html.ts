// The bulletin as one self-contained HTML file (no external resources): A4 print CSS after GB/T 9704,
// font stacks that fall back from the official fonts to what the machine has.
import type { Appendix, Block, BulletinDocument, TableBlock } from '../../domain/bulletin/model';
import { titleLines } from '../../domain/bulletin/title';
import { FONT_STACKS } from './fonts';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const css = (stack: readonly string[]) => stack.map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ');

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font: 14pt ${css(FONT_STACKS.song)}; } }
@page wide { size: A4 landscape; margin: 28mm 35mm 26mm 37mm; }
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { margin: 0; color: #000; font: 16pt/29pt ${css(FONT_STACKS.fangsong)}; }
.sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
.sheet.wide { width: 297mm; min-height: 210mm; padding: 28mm 35mm 26mm 37mm; }
p { margin: 0; text-align: justify; text-indent: 2em; }
p.flush { text-indent: 0; }
.marks { font-family: ${css(FONT_STACKS.hei)}; text-indent: 0; }
.issuer { color: #e00; text-align: center; text-indent: 0; font: 26pt/1.4 ${css(FONT_STACKS.title)}; letter-spacing: 2pt; margin-top: 12pt; }
.serial { text-align: center; text-indent: 0; margin-top: 12pt; padding-bottom: 10pt; border-bottom: 2px solid #e00; margin-bottom: 24pt; }
.kicker { text-align: center; text-indent: 0; font-family: ${css(FONT_STACKS.kai)}; }
h1 { font: 22pt/35pt ${css(FONT_STACKS.title)}; text-align: center; margin: 0 0 29pt; font-weight: normal; }
.subtitle { text-align: center; text-indent: 0; font-family: ${css(FONT_STACKS.kai)}; margin: -20pt 0 29pt; }
h2 { font: 16pt/29pt ${css(FONT_STACKS.hei)}; margin: 0; text-indent: 2em; font-weight: normal; }
h3 { font: 16pt/29pt ${css(FONT_STACKS.kai)}; margin: 0; text-indent: 2em; font-weight: normal; }
.attachments { margin-top: 29pt; }
.attachments p { padding-left: 6.5em; text-indent: -4.5em; text-align: left; }
.signature { text-align: right; text-indent: 0; padding-right: 4em; margin-top: 58pt; }
.notes { margin-top: 29pt; border-top: 1px solid #888; padding-top: 8pt; font-size: 12pt; line-height: 20pt; }
.notes p { text-indent: 0; }
.appendix.inline { margin-top: 29pt; }
.appendix-label { font-family: ${css(FONT_STACKS.hei)}; text-indent: 0; }
.appendix h1 { font-size: 16pt; margin: 6pt 0 10pt; line-height: 28pt; }
table { border-collapse: collapse; width: 100%; font: 10.5pt/14pt ${css(FONT_STACKS.fangsong)}; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 1.5pt 3pt; text-align: center; }
th { font-family: ${css(FONT_STACKS.hei)}; font-weight: normal; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.table-notes p { text-indent: 0; font-size: 12pt; line-height: 20pt; margin-top: 4pt; }
@media print {
  html { background: none; }
  .sheet, .sheet.wide { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .appendix { break-before: page; page: wide; }
  .appendix.portrait { page: auto; }
  .appendix.inline { break-before: auto; page: auto; }
}
`;

// Characters a line holds: 156 mm of text at 22 pt (title), 16 pt (kicker), 225 mm at 18 pt (appendix title).
const lines = (text: string, perLine: number) => titleLines(text, perLine).map(escapeHtml).join('<br>');

function tableHtml(block: TableBlock): string {
  const total = block.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const cols = block.columns
    .map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(1)}%">`)
    .join('');
  const head = block.columns
    .map((c) => `<th>${c.title.split('\n').map(escapeHtml).join('<br>')}</th>`)
    .join('');
  const body = block.rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td style="text-align:${block.columns[i]?.align ?? 'center'}">${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const notes = block.notes?.length
    ? `<div class="table-notes">${block.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`
    : '';
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${notes}`;
}

function blockHtml(block: Block): string {
  if (block.kind === 'heading')
    return block.level === 1 ? `<h2>${escapeHtml(block.text)}</h2>` : `<h3>${escapeHtml(block.text)}</h3>`;
  if (block.kind === 'table') return tableHtml(block);
  const classes = block.indent === false ? ' class="flush"' : '';
  const align = block.align && block.align !== 'justify' ? ` style="text-align:${block.align}"` : '';
  return `<p${classes}${align}>${escapeHtml(block.text)}</p>`;
}

function appendixHtml(a: Appendix, tag: 'div' | 'section'): string {
  const classes = tag === 'div' ? 'appendix inline' : `sheet appendix${a.landscape ? ' wide' : ' portrait'}`;
  const title = lines(a.title, a.landscape ? 39 : 24);
  return `<${tag} class="${classes}">\n<p class="appendix-label">${escapeHtml(a.label)}</p>\n<h1>${title}</h1>\n${a.blocks.map(blockHtml).join('\n')}\n</${tag}>`;
}

export function renderHtml(doc: BulletinDocument): string {
  const main: string[] = [];
  if (doc.marks.length) main.push(`<p class="marks">${doc.marks.map(escapeHtml).join('　')}</p>`);
  if (doc.issuer) main.push(`<p class="issuer">${escapeHtml(doc.issuer)}</p>`);
  if (doc.serial) main.push(`<p class="serial">${escapeHtml(doc.serial)}</p>`);
  if (doc.kicker) main.push(`<p class="kicker">${lines(doc.kicker, 27)}</p>`);
  main.push(`<h1>${lines(doc.title, 20)}</h1>`);
  if (doc.subtitle) main.push(`<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`);
  if (doc.addressee) main.push(`<p class="flush">${escapeHtml(doc.addressee)}</p>`);
  main.push(...doc.body.map(blockHtml));
  if (doc.attachmentList.length) {
    main.push(
      `<div class="attachments">${doc.attachmentList.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`,
    );
  }
  if (doc.signature) {
    main.push(
      `<p class="signature">${escapeHtml(doc.signature.issuer)}<br>${escapeHtml(doc.signature.date)}</p>`,
    );
  }
  const inline = doc.appendices.filter((a) => !a.newPage && !a.landscape);
  main.push(...inline.map((a) => appendixHtml(a, 'div')));
  if (doc.notes.length) {
    main.push(`<div class="notes">${doc.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`);
  }
  const sheets = [`<section class="sheet">\n${main.join('\n')}\n</section>`];
  for (const a of doc.appendices) if (!inline.includes(a)) sheets.push(appendixHtml(a, 'section'));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${sheets.join('\n')}
</body>
</html>
`;
}
