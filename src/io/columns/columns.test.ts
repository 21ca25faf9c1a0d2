import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../../../test/fixtures/io/samples';
import { IMPORT_KINDS } from '../../domain/records';
import { normaliseHeader, splitUnit } from '../text';
import { KIND_SPECS } from './index';

// The "Spreadsheet columns" contract of design/interfaces.md, in order.
const CONTRACT = {
  regions: ['地区代码', '地区名称', '上级代码', '地区类型'],
  projects: [
    '项目代码',
    '项目名称',
    '地区代码',
    '项目单位',
    '分包领导',
    '所属领域',
    '建设性质',
    '总投资(万元)',
    '年度计划投资(万元)',
    '计划开工日期',
    '计划竣工日期',
    '实际开工日期',
    '实际竣工日期',
    '经度',
    '纬度',
    '建设规模及内容',
  ],
  reports: [
    '项目代码',
    '年度',
    '月份',
    '累计完成投资(万元)',
    '是否开工',
    '实际开工日期',
    '是否竣工',
    '实际竣工日期',
    '形象进度',
    '存在问题',
    '报送日期',
  ],
  deals: [
    '签约项目名称',
    '地区代码',
    '投资方',
    '投资方来源',
    '500强类型',
    '签约日期',
    '合同投资额(万元)',
    '到位资金(万元)',
    '所属产业',
    '开工日期',
    '关联项目代码',
  ],
  reserve: [
    '项目名称',
    '地区代码',
    '目标年度',
    '总投资(万元)',
    '所属领域',
    '成熟度',
    '是否重大项目',
    '转化项目代码',
  ],
  approvals: ['项目代码', '事项名称', '审批部门', '应办结日期', '申报日期', '办结日期'],
  issues: ['项目代码', '问题类别', '问题描述', '责任单位', '提出日期', '限办日期', '解决日期'],
};

// Optional columns added after the contract (the contract may grow, never be renamed): they come last,
// so files in the contract's layout still import.
const ADDED: Partial<Record<keyof typeof CONTRACT, string[]>> = {
  projects: ['计划投产日期', '实际投产日期', '投产后年产值(万元)'],
};

describe('column specs', () => {
  for (const kind of IMPORT_KINDS) {
    const spec = KIND_SPECS[kind];

    it(`${kind}: canonical headers are the contract's, in its order, then the added optional ones`, () => {
      expect(spec.columns.map((c) => c.header)).toEqual([...CONTRACT[kind], ...(ADDED[kind] ?? [])]);
      const added = new Set(ADDED[kind] ?? []);
      expect(spec.columns.filter((c) => added.has(c.header)).every((c) => !c.type.required)).toBe(true);
    });

    it(`${kind}: one column per record field`, () => {
      const fields = Object.keys(SAMPLES[kind][0]!).sort();
      expect(spec.columns.map((c) => c.field).sort()).toEqual(fields);
      for (const key of spec.key) expect(fields).toContain(key);
    });

    it(`${kind}: no name or alias (with or without its unit) selects two columns`, () => {
      const owner = new Map<string, string>();
      for (const column of spec.columns) {
        for (const name of [column.header, ...column.aliases]) {
          if (name instanceof RegExp) continue;
          const normalised = normaliseHeader(name);
          for (const form of new Set([normalised, splitUnit(normalised).base])) {
            expect(owner.get(form) ?? column.field, `${kind}: ${form}`).toBe(column.field);
            owner.set(form, column.field);
          }
        }
      }
    });
  }
});
