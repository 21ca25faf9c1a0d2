// One form dialog for every record the project and ledger pages edit (a project, its year entry,
// a deal, a reserve project, an approval item, an issue): the fields are data (FieldDef), the
// conversion to the API's shapes is exact (万元 typed → 元 sent, dates as YYYY-MM-DD), the checks
// run in the browser first, and the server's refusals land on the field they name (400
// validation details), or say "someone changed it, reload" (409 on an edit).
import {
  Alert,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
  TreeSelect,
} from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import { type FieldProblem, PROJECT_CODE, type Project } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import type { Page } from '../api/types';
import { WanInput, wanRule } from '../components/wan-input';
import { type Locale, type Translate, useI18n } from '../i18n';
import { regionTreeData, useRegions } from '../regions';
import {
  type ApiRecord,
  type FieldDef,
  problemText,
  requestBody,
  toFormValues,
  type Values,
} from './ledger-values';

export type { FieldDef } from './ledger-values';

/**
 * Puts a 400 validation refusal on the fields it names; returns the problems no field shows
 * (as lines for an alert). Anything else is not handled here (returns null).
 */
export function applyFieldProblems(
  form: FormInstance,
  error: unknown,
  fields: FieldDef[],
  t: Translate,
  locale: Locale,
): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation' || !Array.isArray(error.details))
    return null;
  const shown = new Set(fields.map((f) => f.name));
  const rest: string[] = [];
  const byField = new Map<string, string[]>();
  for (const problem of error.details as FieldProblem[]) {
    const name = String(problem.path ?? '').split('.')[0] ?? '';
    const text = problemText(problem, t, locale);
    if (shown.has(name)) byField.set(name, [...(byField.get(name) ?? []), text]);
    else rest.push(name ? `${name}: ${text}` : text);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}

function rulesOf(field: FieldDef, t: Translate, label: string): Rule[] {
  const rules: Rule[] = [];
  const typed = ['text', 'textarea', 'suggest', 'projectCode', 'money'].includes(field.type);
  // `whitespace` only for typed text: its check (even `whitespace: false`) fails a date.
  if (field.required && field.type !== 'bool')
    rules.push({
      required: true,
      ...(typed ? { whitespace: true } : {}),
      message: t('form.required', { label }),
    });
  if (typed && field.max) rules.push({ max: field.max, message: t('form.tooLong', { max: field.max }) });
  if (field.type === 'money') rules.push(wanRule(t('form.invalidMoney')));
  if (field.type === 'projectCode') rules.push({ pattern: PROJECT_CODE, message: t('form.invalidCode') });
  if (field.notBefore) {
    const other = field.notBefore;
    rules.push(({ getFieldValue }) => ({
      validator: (_, value: Dayjs | undefined) => {
        const before = getFieldValue(other) as Dayjs | undefined;
        return value && before && value.isBefore(before, 'day')
          ? Promise.reject(new Error(t('form.notBefore')))
          : Promise.resolve();
      },
    }));
  }
  return rules;
}

export const DATE_FORMATS: Record<Locale, string[]> = {
  'zh-CN': ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY/M/D'],
  en: ['YYYY-MM-DD', 'YYYY/M/D'],
};

/** The input of a field; Form.Item hands it value and onChange, passed on to the control. */
function FieldInput({
  field,
  ...control
}: {
  field: FieldDef;
  id: string;
  [prop: string]: unknown;
}): ReactNode {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const home = regions.inScope[0]?.code;
  const tree = useMemo(() => (home ? regionTreeData(regions.inScope, [home]) : []), [regions.inScope, home]);
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} {...control} />;
    case 'suggest':
      return (
        <AutoComplete
          options={field.options?.(t)}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          {...control}
        />
      );
    case 'select':
      return <Select allowClear={!field.required} options={field.options?.(t)} {...control} />;
    case 'money':
      return <WanInput {...control} />;
    case 'date':
      return <DatePicker format={DATE_FORMATS[locale]} style={{ width: '100%' }} {...control} />;
    case 'integer':
    case 'decimal':
      return (
        <InputNumber
          min={field.min}
          max={field.max}
          precision={field.type === 'integer' ? 0 : undefined}
          style={{ width: '100%' }}
          {...control}
        />
      );
    case 'bool':
      return <Switch {...control} />;
    case 'region':
      return (
        <TreeSelect
          treeData={tree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandedKeys={home ? [home] : []}
          loading={regions.loading}
          {...control}
        />
      );
    case 'project':
      return <ProjectSelect {...(control as { id: string })} />;
    default:
      return <Input autoComplete="off" {...control} />;
  }
}

/** A project chosen by code or name (the caller's visible projects). */
function ProjectSelect({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value?: number;
  onChange?: (value: number) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const state = useApiQuery(['/api/projects', 'search', q], (signal) =>
    api.get<Page<Project>>('/api/projects', { q: q || undefined, pageSize: 20 }, signal),
  );
  return (
    <Select
      id={id}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setQ(text.trim()), 300);
        },
      }}
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={state.loading}
      placeholder={t('form.projectSearch')}
      notFoundContent={state.loading ? t('common.loading') : t('common.empty')}
      options={(state.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
    />
  );
}

export function RecordFormDialog<T>({
  title,
  idPrefix,
  fields,
  record,
  fixed,
  save,
  onClose,
  onSaved,
  onStale,
  conflictField,
}: {
  title: string;
  /** Field ids are `${idPrefix}-${name}`. */
  idPrefix: string;
  fields: FieldDef[];
  /** The record being edited (API shape); absent when creating. */
  record?: ApiRecord;
  /** Values sent with a create that the form does not show (the project of a ledger row). */
  fixed?: Values;
  save(body: Values): Promise<T>;
  onClose(): void;
  onSaved(saved: T): void;
  /** The edited record changed on the server (409): reload it. */
  onStale?(): void;
  /** The field a 409 on create names (a code or name already taken). */
  conflictField?: string;
}) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; lines?: string[]; stale?: boolean } | null>(null);
  const fixedNames = Object.keys(fixed ?? {}).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: fixed matters by its names only
  const shown = useMemo(() => fields.filter((f) => !(fixed && f.name in fixed)), [fields, fixedNames]);
  const initial = useMemo(() => {
    if (record) return toFormValues(record, shown);
    // A new record starts in the working region (the one chosen in the header).
    const defaults: ApiRecord = {};
    for (const f of shown) {
      if (f.initial !== undefined) defaults[f.name] = f.initial;
      else if (f.type === 'region' && regions.working) defaults[f.name] = regions.working;
    }
    return toFormValues(defaults, shown);
  }, [record, shown, regions.working]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = requestBody(values, shown, record);
      if (record && Object.keys(body).length === 1) {
        onClose();
        return;
      }
      onSaved(await save({ ...(record ? {} : fixed), ...body }));
    } catch (e) {
      const lines = applyFieldProblems(form, e, shown, t, locale);
      if (lines !== null) setError(lines.length > 0 ? { text: t('form.fixFields'), lines } : null);
      else if (e instanceof ApiError && e.code === 'conflict' && record)
        setError({ text: t('form.stale'), stale: true });
      else if (e instanceof ApiError && e.code === 'conflict' && conflictField)
        form.setFields([{ name: conflictField, errors: [errorText(e, t, locale)] }]);
      else setError({ text: errorText(e, t, locale) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      width={760}
    >
      {error && (
        <Alert
          type={error.stale ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={`${idPrefix}-error`}
          title={error.text}
          description={
            error.lines && error.lines.length > 0 ? (
              <ul className="sibi-problems">
                {error.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : undefined
          }
          action={
            error.stale && onStale ? (
              <Button size="small" onClick={onStale}>
                {t('form.reload')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={initial}>
        <Row gutter={16}>
          {shown.map((field) => {
            const label = t(field.label);
            const readOnly = !!record && field.createOnly;
            return (
              <Col key={field.name} xs={24} sm={field.wide ? 24 : 12}>
                {readOnly ? (
                  <Form.Item label={label} htmlFor={`${idPrefix}-${field.name}`}>
                    <Input
                      id={`${idPrefix}-${field.name}`}
                      disabled
                      value={field.display ? field.display(record, t) : String(record[field.name] ?? '')}
                    />
                  </Form.Item>
                ) : (
                  <Form.Item
                    htmlFor={`${idPrefix}-${field.name}`}
                    name={field.name}
                    label={label}
                    rules={rulesOf(field, t, label)}
                    valuePropName={field.type === 'bool' ? 'checked' : 'value'}
                    extra={field.hint ? t(field.hint) : undefined}
                    dependencies={field.notBefore ? [field.notBefore] : undefined}
                  >
                    <FieldInput field={field} id={`${idPrefix}-${field.name}`} />
                  </Form.Item>
                )}
              </Col>
            );
          })}
        </Row>
      </Form>
    </Modal>
  );
}
