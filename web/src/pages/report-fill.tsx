// 月报填报: a project and a month (by default the current one), then the month's form as the
// server prepares it — carried forward from the last report, with the fields that were carried
// or did not change since last month marked, the deadline and whether the month is late or
// locked. The amount is typed in 万元 and sent as exact 元. Save a draft, submit, delete a draft;
// after the lock, or once submitted or approved, a change is a correction that needs a reason.
// What a button offers is what the server says the caller may do (`permissions`).
// Its parts: report-fill-project-picker.tsx (the project choice), report-fill-status.tsx (the
// form's head), report-fill-notices.tsx (what the form warns of), report-fill-fields.tsx (the
// fields), report-fill-actions.tsx (the buttons), report-fill-values.ts (the values and what is
// sent, pure, with its unit test).
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import { useApiQuery } from '../api/query';
import type { MonthlyReport, ReportForm } from '../api/reports-types';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { useI18n } from '../i18n';
import { setSearch, useLocation } from '../router';
import { useMe } from '../session';
import { ReportQuality } from './quality-findings';
import { type Busy, ReportActions } from './report-fill-actions';
import { InvestField, ProgressDates, ProgressTexts, ReasonField } from './report-fill-fields';
import { reportNotices } from './report-fill-notices';
import { ProjectPicker } from './report-fill-project-picker';
import { ReportStatus } from './report-fill-status';
import { changes, formKey, initialValues, toBody, type Values } from './report-fill-values';
import { NextProject } from './report-next';
import { currentMonth, MonthPicker, monthFromSearch, usePhone } from './report-shared';

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

function FillForm({ data, phone, onReload }: { data: ReportForm; phone: boolean; onReload(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<Busy>(null);
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

  const initial = initialValues(data.values);
  const started = Form.useWatch('started', form) ?? initial.started;
  const completed = Form.useWatch('completed', form) ?? initial.completed;
  const investWan = Form.useWatch('investWan', form) ?? initial.investWan;

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

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <ReportStatus data={data} phone={phone} />
      </Card>
      {reportNotices(
        {
          data,
          fills,
          correction,
          editable,
          conflict,
          onReload,
          ruleError,
          onCloseRuleError: () => setRuleError(null),
        },
        t,
        locale,
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
          <InvestField data={data} investWan={investWan} />
          <ProgressDates marks={data} started={started} completed={completed} />
          <ProgressTexts marks={data} />
          {showReason && <ReasonField />}
          {editable && (
            <ReportActions
              report={report}
              phone={phone}
              busy={busy}
              isReview={isReview}
              canCorrect={canCorrect}
              canSubmit={canSubmit}
              onRun={(kind) => void run(kind)}
              onDelete={remove}
            />
          )}
        </Form>
      </Card>
    </Space>
  );
}
