import { expect, it } from 'vitest';
import { importChangesText } from './import-changes-text';

it('prints nothing when nothing changed', () => {
  expect(importChangesText({ changedRows: 0, columns: [], rows: [] })).toBe('');
});

it('prints rows per column, each listed row before -> after, and how many more there are', () => {
  const row = (n: number) => ({
    row: n,
    key: `P${n}`,
    cells: [{ field: 'owner', header: '项目单位', before: '甲', after: null }],
  });
  const text = importChangesText({
    changedRows: 23,
    columns: [
      { field: 'owner', header: '项目单位', rows: 22 },
      { field: 'scope', header: '建设规模及内容', rows: 1 },
    ],
    rows: Array.from({ length: 21 }, (_, i) => row(i + 2)),
  });
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('更改的列：项目单位 22 行，建设规模及内容 1 行');
  expect(lines[1]).toBe('  第 2 行（P2）：项目单位「甲」→「（空）」');
  // 20 rows shown of the 23 changed
  expect(lines).toHaveLength(22);
  expect(lines[21]).toBe('  另有 3 行更改（各列行数见上；审计日志记有本次导入）');
});
