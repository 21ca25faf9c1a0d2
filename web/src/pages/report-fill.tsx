// 月报填报: a project and a month (by default the current one), then the month's form as the
// server prepares it — carried forward from the last report, with the fields that were carried
// or did not change since last month marked, the deadline and whether the month is late or
// locked. The amount is typed in 万元 and sent as exact 元. Save a draft, submit, delete a draft;
// after the lock, or once submitted or approved, a change is a correction that needs a reason.
// What a button offers is what the server says the caller may do (`permissions`).
import { DeleteOutlined, EditOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  type FormRule,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import type { Project } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import type { MonthlyReport, ReportField, ReportForm } from '../api/reports-types';
import type { Page } from '../api/types';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { WanInput, wanRule, wanToYuan, yuanToWan } from '../components/wan-input';
import { formatAmount, formatDate, formatDateTime, formatMonth } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { setSearch, useLocation } from '../router';
import { useMe } from '../session';
import { ReportQuality } from './quality-findings';
import { NextProject } from './report-next';
import {
  chinaToday,
  currentMonth,
  LateTag,
  MonthPicker,
  monthFromSearch,
  ReportStateTag,
  usePhone,
} from './report-shared';

export default function ReportFillPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const phone = usePhone();
  const me = useMe();
  const projectId = Number(search.get('project')) || null;
  const month = monthFromSearch(search) ?? currentMonth();
  // A project owner with a single project goes straight to its form.
  const only = me.projectIds.length === 1 ? me.projectIds[0] : undefined;
  useEffect(() => {
    if (!projectId && only) setSearch({ project: only });
  }, [projectId, only]);
  const form = useApiQuery(['/api/projects', 'report-form', projectId, month.year, month.month], (signal) =>
    projectId
      ? api.get<ReportForm>(`/api/projects/${projectId}/report-form`, month, signal)
      : Promise.resolve(null),
  );

  return (
    <>
      <PageHeader
        title={t('reports.fill.title')}
        extra={
          projectId && (
            <Space wrap>
              <NextProject current={projectId} year={month.year} month={month.month} />
              <Button icon={<ReloadOutlined />} onClick={form.reload}>
                {t('common.refresh')}
              </Button>
            </Space>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={16} lg={12}>
            <ProjectPicker value={projectId} current={form.data?.project ?? null} />
          </Col>
          <Col xs={24} md={8} lg={6}>
            <MonthPicker
              id="report-month"
              testId="report-month"
              value={month}
              onChange={(next) => next && setSearch({ year: next.year, month: next.month })}
            />
          </Col>
        </Row>
      </Card>
      {!projectId ? (
        <Card>
          <EmptyState text={t('reports.fill.pickProject')} />
        </Card>
      ) : (
        <Async state={form}>
          {(data) =>
            data && <FillForm key={formKey(data)} data={data} phone={phone} onReload={form.reload} />
          }
        </Async>
      )}
    </>
  );
}

const FIELD_MARK = { marginInlineStart: 6, fontWeight: 'normal' } as const;

const formKey = (data: ReportForm) =>
  `${data.project.id}-${data.year}-${data.month}-${data.report?.id ?? 'new'}-${data.report?.version ?? 0}`;

/** Searches the projects in scope (the working region) by name or code, on the server. */
function ProjectPicker({ value, current }: { value: number | null; current: Project | null }) {
  const { t } = useI18n();
  const regions = useRegions();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const found = useApiQuery(['/api/projects', 'search', q, regions.working], (signal) =>
    api.get<Page<Project>>(
      '/api/projects',
      { q: q || undefined, region: regions.working ?? undefined, pageSize: 30, sort: 'code' },
      signal,
    ),
  );
  const options = useMemo(() => {
    const items = found.data?.items ?? [];
    const all = current && !items.some((p) => p.id === current.id) ? [current, ...items] : items;
    return all.map((p) => ({
      value: p.id,
      label: p.name,
      code: p.code,
      region: regions.name(p.regionCode),
      fills: p.permissions.fillReports === true,
    }));
  }, [found.data, current, regions]);
  return (
    <Select<number>
      id="report-project"
      aria-label={t('reports.project')}
      data-testid="report-project"
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      placeholder={t('reports.fill.projectPlaceholder')}
      loading={found.loading}
      style={{ width: '100%' }}
      options={options}
      notFoundContent={found.loading ? t('common.loading') : t('common.empty')}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.code} · {option.data.region}
            {!option.data.fills && ` · ${t('reports.fill.readOnlyShort')}`}
          </Typography.Text>
        </div>
      )}
      onChange={(id) => setSearch({ project: id })}
    />
  );
}

interface Values {
  investWan: string;
  started: boolean;
  startDate: Dayjs | null;
  completed: boolean;
  completionDate: Dayjs | null;
  progressNote: string;
  problems: string;
  reason?: string;
}

type Body = Omit<ReportForm['values'], never>;

const day = (date: string | null) => (date ? dayjs(date) : null);
const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

function toBody(values: Values): Body {
  return {
    investYtd: wanToYuan(values.investWan ?? '') ?? '0',
    started: values.started,
    startDate: values.started && values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
    completed: values.completed,
    completionDate:
      values.completed && values.completionDate ? values.completionDate.format('YYYY-MM-DD') : null,
    progressNote: text(values.progressNote),
    problems: text(values.problems),
  };
}

/** The fields of `next` that differ from `before`. */
function changes(next: Body, before: Body): Partial<Body> {
  const out: Partial<Body> = {};
  for (const key of Object.keys(next) as (keyof Body)[]) {
    if (next[key] !== before[key]) Object.assign(out, { [key]: next[key] });
  }
  return out;
}

function FillForm({ data, phone, onReload }: { data: ReportForm; phone: boolean; onReload(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const regions = useRegions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'submit' | 'delete' | null>(null);
  const [conflict, setConflict] = useState(false);
  const [ruleError, setRuleError] = useState<string | null>(null);
  const [askReason, setAskReason] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const { project, report } = data;

  const fills = project.permissions.fillReports === true;
  // Submitted or approved: read-only until the filler chooses to correct it.
  const isReview = report?.state === 'submitted' || report?.state === 'approved';
  const canCorrect = report?.permissions.correct === true;
  const correction = !!report && (data.locked || isReview);
  const editable = report ? !!report.permissions.update || (canCorrect && (!isReview || correcting)) : fills;
  const canSubmit = report ? !!report.permissions.submit : fills;
  const showReason = editable && (correction || askReason);
  const today = chinaToday();
  const overdue = today > data.deadline;

  const initial: Values = {
    investWan: yuanToWan(data.values.investYtd),
    started: data.values.started,
    startDate: day(data.values.startDate),
    completed: data.values.completed,
    completionDate: day(data.values.completionDate),
    progressNote: data.values.progressNote ?? '',
    problems: data.values.problems ?? '',
  };
  const started = Form.useWatch('started', form) ?? initial.started;
  const completed = Form.useWatch('completed', form) ?? initial.completed;
  const investWan = Form.useWatch('investWan', form) ?? initial.investWan;

  const mark = (field: ReportField): ReactNode => {
    if (data.carried.includes(field))
      return (
        <Tag color="blue" style={FIELD_MARK} data-testid={`carried-${field}`}>
          {t('reports.fill.carried')}
        </Tag>
      );
    if (data.unchanged.includes(field))
      return (
        <Tag color="orange" style={FIELD_MARK} data-testid={`unchanged-${field}`}>
          {t('reports.fill.unchanged')}
        </Tag>
      );
    return null;
  };
  const label = (text: string, field: ReportField) => (
    <span>
      {text}
      {mark(field)}
    </span>
  );

  // A yes/no switch and the date that goes with it (start, completion).
  const flagAndDate = (
    flag: 'started' | 'completed',
    date: 'startDate' | 'completionDate',
    on: boolean,
    flagRules: FormRule[],
    dateRules: FormRule[],
  ) => (
    <>
      <Col xs={8} md={6}>
        <Form.Item
          htmlFor={`report-${flag}`}
          name={flag}
          label={label(t(`reports.${flag}`), flag)}
          valuePropName="checked"
          dependencies={flag === 'completed' ? ['started'] : undefined}
          rules={flagRules}
        >
          <Switch
            id={`report-${flag}`}
            checkedChildren={t('common.yes')}
            unCheckedChildren={t('common.no')}
          />
        </Form.Item>
      </Col>
      <Col xs={16} md={6}>
        <Form.Item
          htmlFor={`report-${date}`}
          name={date}
          label={label(t(`reports.${date}`), date)}
          dependencies={date === 'completionDate' ? ['startDate'] : undefined}
          rules={dateRules}
        >
          <DatePicker
            id={`report-${date}`}
            disabled={!on}
            style={{ width: '100%' }}
            format={(d) => formatDate(d.format('YYYY-MM-DD'), locale)}
          />
        </Form.Item>
      </Col>
    </>
  );

  const copiedText = (['progressNote', 'problems'] as const).filter(
    (f) => data.carried.includes(f) || data.unchanged.includes(f),
  );

  const run = async (kind: 'save' | 'submit') => {
    setRuleError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = toBody(values);
    setBusy(kind);
    try {
      let saved: MonthlyReport | null = report;
      if (!saved) {
        saved = await api.post<MonthlyReport>('/api/reports', {
          projectId: project.id,
          year: data.year,
          month: data.month,
          ...body,
        });
      } else {
        const patch = changes(body, data.values);
        if (Object.keys(patch).length > 0) {
          saved = await api.patch<MonthlyReport>(`/api/reports/${saved.id}`, {
            version: saved.version,
            ...patch,
            ...(showReason && values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          });
        } else if (kind === 'save') {
          void message.info(t('reports.fill.noChanges'));
          return;
        }
      }
      if (kind === 'submit' && saved.permissions.submit) {
        saved = await api.post<MonthlyReport>(`/api/reports/${saved.id}/submit`, { version: saved.version });
      }
      void message.success(
        kind === 'submit' || saved.state === 'submitted'
          ? t('reports.fill.submitted')
          : t('reports.fill.saved'),
      );
      onReload();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (!report) return;
    setBusy('delete');
    try {
      await api.delete(`/api/reports/${report.id}`, { version: report.version });
      void message.success(t('reports.fill.deleted'));
      onReload();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(null);
    }
  };

  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'conflict') {
      setConflict(true);
      return;
    }
    if (
      error instanceof ApiError &&
      error.code === 'rule_violation' &&
      Array.isArray(error.details) &&
      error.details.includes('reason')
    ) {
      setAskReason(true);
      form.setFields([{ name: 'reason', errors: [errorText(error, t, locale)] }]);
      window.setTimeout(() => form.scrollToField('reason'), 0);
      return;
    }
    if (error instanceof ApiError && (error.code === 'rule_violation' || error.code === 'validation')) {
      setRuleError(errorText(error, t, locale));
      return;
    }
    void message.error(errorText(error, t, locale));
  };

  // The month's own amount, exact: this cumulative amount less last month's (January: itself).
  const yuan = wanToYuan(investWan ?? '');
  const prev = data.previous;
  const lastMonthBefore =
    prev && prev.year === data.year && prev.month === data.month - 1 ? BigInt(prev.investYtd) : null;
  const monthAmount =
    yuan === null
      ? null
      : data.month === 1
        ? BigInt(yuan)
        : lastMonthBefore === null
          ? null
          : BigInt(yuan) - lastMonthBefore;

  const status = (
    <Descriptions
      size="small"
      column={phone ? 1 : { xs: 1, sm: 2, lg: 4 }}
      data-testid="report-status"
      items={[
        {
          key: 'project',
          label: t('reports.project'),
          span: phone ? 1 : { xs: 1, sm: 2, lg: 4 },
          children: (
            <span>
              <Typography.Text strong>{project.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {project.code} · {regions.name(project.regionCode)}
              </Typography.Text>
            </span>
          ),
        },
        { key: 'month', label: t('reports.month'), children: formatMonth(data.year, data.month, locale) },
        {
          key: 'deadline',
          label: t('reports.deadline'),
          children: (
            <Space size={4} wrap>
              {formatDate(data.deadline, locale)}
              {overdue && !report?.late && (!report || report.state === 'draft') && (
                <Tag color="warning">{t('reports.fill.overdue')}</Tag>
              )}
            </Space>
          ),
        },
        {
          key: 'state',
          label: t('reports.state'),
          children: (
            <Space size={4} wrap>
              {report ? <ReportStateTag state={report.state} /> : <Tag>{t('reports.state.none')}</Tag>}
              {report?.late && <LateTag />}
              {data.locked && (
                <Tag color="purple" data-testid="report-locked">
                  {t('reports.locked')}
                </Tag>
              )}
            </Space>
          ),
        },
        {
          key: 'previous',
          label: t('reports.fill.previous'),
          children: prev
            ? `${formatMonth(prev.year, prev.month, locale)} · ${formatAmount(prev.investYtd, locale)}`
            : t('reports.fill.noPrevious'),
        },
        ...(report?.submittedAt
          ? [
              {
                key: 'submittedAt',
                label: t('reports.submittedAt'),
                children: `${formatDateTime(report.submittedAt, locale)}${report.submittedBy ? ` · ${report.submittedBy}` : ''}`,
              },
            ]
          : []),
        ...(report?.approvedAt
          ? [
              {
                key: 'approvedAt',
                label: t('reports.approvedAt'),
                children: `${formatDateTime(report.approvedAt, locale)}${report.approvedBy ? ` · ${report.approvedBy}` : ''}`,
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">{status}</Card>
      {conflict && (
        <Alert
          type="error"
          showIcon
          data-testid="report-conflict"
          title={t('reports.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('reports.reload')}
            </Button>
          }
        />
      )}
      {report?.state === 'returned' && report.returnedReason && (
        <Alert
          type="error"
          showIcon
          data-testid="report-returned"
          title={t('reports.fill.returnedTitle')}
          description={report.returnedReason}
        />
      )}
      {!fills && <Alert type="info" showIcon title={t('reports.fill.readOnly')} />}
      {fills && correction && editable && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-correction"
          title={data.locked ? t('reports.fill.lockedHint') : t('reports.fill.correctionHint')}
        />
      )}
      {data.carried.length > 0 && prev && (
        <Alert
          type="info"
          showIcon
          data-testid="report-carried"
          title={t('reports.fill.carriedHint', { month: formatMonth(prev.year, prev.month, locale) })}
        />
      )}
      {copiedText.length > 0 && editable && (
        <Alert type="warning" showIcon data-testid="report-copied" title={t('reports.fill.copiedHint')} />
      )}
      {ruleError && (
        <Alert type="error" showIcon closable onClose={() => setRuleError(null)} title={ruleError} />
      )}
      {report && <ReportQuality reportId={report.id} version={report.version} />}
      <Card
        size="small"
        title={t('reports.fill.values')}
        extra={
          isReview &&
          canCorrect &&
          (correcting ? (
            <Button
              size="small"
              onClick={() => {
                setCorrecting(false);
                form.resetFields();
              }}
            >
              {t('common.cancel')}
            </Button>
          ) : (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setCorrecting(true)}
              data-testid="report-start-correction"
            >
              {t('reports.fill.startCorrection')}
            </Button>
          ))
        }
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          disabled={!editable || busy !== null}
          requiredMark={editable}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                htmlFor="report-invest"
                name="investWan"
                label={label(t('reports.investYtd'), 'investYtd')}
                extra={
                  <span data-testid="report-month-amount">
                    {t('reports.fill.monthAmount')}：
                    {monthAmount === null ? '—' : formatAmount(monthAmount, locale)}
                    {monthAmount !== null && monthAmount < 0n && (
                      <Typography.Text type="warning"> {t('reports.fill.decrease')}</Typography.Text>
                    )}
                  </span>
                }
                rules={[
                  { required: true, message: t('reports.fill.investRequired') },
                  wanRule(t('reports.fill.investInvalid')),
                ]}
              >
                <WanInput id="report-invest" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            {flagAndDate(
              'started',
              'startDate',
              started,
              [],
              [{ required: started, message: t('reports.fill.startDateRequired') }],
            )}
            {flagAndDate(
              'completed',
              'completionDate',
              completed,
              [
                ({ getFieldValue }) => ({
                  validator: (_, value: boolean) =>
                    value && !getFieldValue('started')
                      ? Promise.reject(new Error(t('reports.fill.completedNeedsStart')))
                      : Promise.resolve(),
                }),
              ],
              [
                { required: completed, message: t('reports.fill.completionDateRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) => {
                    const start: Dayjs | null = getFieldValue('startDate');
                    return value && start && value.isBefore(start, 'day')
                      ? Promise.reject(new Error(t('reports.fill.completionBeforeStart')))
                      : Promise.resolve();
                  },
                }),
              ],
            )}
          </Row>
          <Form.Item
            name="progressNote"
            label={label(t('reports.progressNote'), 'progressNote')}
            htmlFor="report-progress"
          >
            <Input.TextArea
              id="report-progress"
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={4000}
              showCount
              placeholder={t('reports.fill.progressPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="problems"
            label={label(t('reports.problems'), 'problems')}
            htmlFor="report-problems"
          >
            <Input.TextArea
              id="report-problems"
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={4000}
              showCount
              placeholder={t('reports.fill.problemsPlaceholder')}
            />
          </Form.Item>
          {showReason && (
            <Form.Item
              htmlFor="report-reason"
              name="reason"
              label={t('reports.fill.reason')}
              tooltip={t('reports.fill.reasonHint')}
              rules={[
                { required: true, min: 2, whitespace: true, message: t('reports.fill.reasonRequired') },
              ]}
            >
              <Input.TextArea id="report-reason" autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          )}
          {editable && (
            <div
              style={{
                display: 'flex',
                flexDirection: phone ? 'column' : 'row',
                flexWrap: 'wrap',
                gap: 8,
              }}
            >
              {(!report || report.permissions.update || (canCorrect && !isReview)) && (
                <Button
                  icon={<SaveOutlined />}
                  loading={busy === 'save'}
                  block={phone}
                  onClick={() => void run('save')}
                  data-testid="report-save"
                >
                  {t('reports.fill.saveDraft')}
                </Button>
              )}
              {canSubmit && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'submit'}
                  block={phone}
                  onClick={() => void run('submit')}
                  data-testid="report-submit"
                >
                  {t('reports.fill.submit')}
                </Button>
              )}
              {isReview && canCorrect && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'save'}
                  block={phone}
                  onClick={() => void run('save')}
                  data-testid="report-correct"
                >
                  {t('reports.fill.saveCorrection')}
                </Button>
              )}
              {report?.permissions.delete && (
                <Popconfirm title={t('reports.fill.deleteConfirm')} onConfirm={() => remove()}>
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    loading={busy === 'delete'}
                    block={phone}
                    data-testid="report-delete"
                  >
                    {t('reports.fill.deleteDraft')}
                  </Button>
                </Popconfirm>
              )}
            </div>
          )}
        </Form>
      </Card>
    </Space>
  );
}
