// The filter form above a ledger or the project list: the kind's filters, kept in the table state.
import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Form, Input, Select, TreeSelect } from 'antd';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useI18n } from '../i18n';
import { regionTreeData, useRegions } from '../regions';
import type { LedgerFilter } from './ledger-table';
import type { TableState } from './table-state';

export const thisYear = new Date().getFullYear();
/** The years a filter offers: next year down to 2015 (the earliest project codes). */
export const YEARS = Array.from({ length: thisYear + 2 - 2015 }, (_, i) => thisYear + 1 - i);

export function LedgerFilters({
  id,
  filters,
  state,
  amend = (next) => next,
}: {
  id: string;
  filters: LedgerFilter[];
  state: TableState;
  /** Adds to what a search or a reset changes (the figures' year when a filter sets one). */
  amend?(next: Record<string, string | null>): Record<string, string | null>;
}) {
  const { t } = useI18n();
  const regions = useRegions();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const home = regions.inScope[0]?.code;
  const tree = useMemo(() => (home ? regionTreeData(regions.inScope, [home]) : []), [regions.inScope, home]);
  const key = JSON.stringify(state.filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are encoded in key
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(state.filters);
  }, [key, form]);

  const cleared = Object.fromEntries(filters.map((f) => [f.name, null]));
  const apply = (values: Record<string, unknown>) => {
    const next: Record<string, string | null> = { ...cleared, page: null };
    for (const filter of filters) {
      const value = values[filter.name];
      next[filter.name] = value === undefined || value === null ? null : String(value).trim() || null;
    }
    state.set(amend(next));
  };

  const input = (filter: LedgerFilter): ReactNode => {
    const inputId = `${id}-filter-${filter.name}`;
    const placeholder = filter.placeholder ? t(filter.placeholder) : t('common.all');
    const style = { width: filter.width ?? 150 };
    // A filter without a label is named by its placeholder (the label names the others: htmlFor).
    const named = { id: inputId, 'aria-label': filter.label ? undefined : placeholder };
    switch (filter.type) {
      case 'q':
        return (
          <Input
            {...named}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={placeholder}
            style={{ width: filter.width ?? 220 }}
          />
        );
      case 'text':
        return <Input {...named} allowClear placeholder={placeholder} style={style} />;
      case 'suggest':
        return (
          <AutoComplete
            {...named}
            allowClear
            placeholder={placeholder}
            options={filter.options?.(t)}
            style={style}
          />
        );
      case 'region':
        return (
          <TreeSelect
            {...named}
            allowClear
            placeholder={placeholder}
            treeData={tree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={home ? [home] : []}
            popupMatchSelectWidth={false}
            style={style}
          />
        );
      default:
        return (
          <Select
            {...named}
            allowClear
            showSearch={filter.type === 'year' ? { optionFilterProp: 'label' } : false}
            placeholder={placeholder}
            options={
              filter.type === 'year'
                ? YEARS.map((y) => ({ value: String(y), label: t('ledgers.year', { year: y }) }))
                : filter.options?.(t)
            }
            style={filter.type === 'year' ? { width: filter.width ?? 110 } : style}
            popupMatchSelectWidth={false}
          />
        );
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" onFinish={apply} className="sibi-filter-form">
        {filters.map((filter) =>
          // A region filter is pointless for an account that sees one region only.
          filter.type === 'region' && regions.inScope.length <= 1 ? null : (
            <Form.Item
              key={filter.name}
              name={filter.name}
              label={filter.label ? t(filter.label) : undefined}
              htmlFor={`${id}-filter-${filter.name}`}
            >
              {input(filter)}
            </Form.Item>
          ),
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${id}-search`}>
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              state.set(amend({ ...cleared, page: null }));
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
