// An import's changes to stored data as text for the terminal: rows per column, then each listed row's
// changed cells before → after.
import type { ImportChanges } from '../services/import-changes';

/** How many changed rows the terminal shows (the summary may list more). */
const ROWS_SHOWN = 20;

export function importChangesText(changes: ImportChanges): string {
  if (changes.columns.length === 0) return '';
  const lines = [`更改的列：${changes.columns.map((c) => `${c.header} ${c.rows} 行`).join('，')}`];
  for (const row of changes.rows.slice(0, ROWS_SHOWN)) {
    const cells = row.cells.map((c) => `${c.header}「${c.before ?? '（空）'}」→「${c.after ?? '（空）'}」`);
    lines.push(`  第 ${row.row} 行（${row.key}）：${cells.join('；')}`);
  }
  const shown = Math.min(changes.rows.length, ROWS_SHOWN);
  if (changes.changedRows > shown)
    lines.push(`  另有 ${changes.changedRows - shown} 行更改（各列行数见上；审计日志记有本次导入）`);
  return `${lines.join('\n')}\n`;
}
