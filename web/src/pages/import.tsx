// 数据导入: a wizard over POST /api/import/:kind. Choose the kind (and the year and list for a
// projects file), download its template, pick a spreadsheet; first a dry run checks every row and
// answers how the columns were read and what would change — or every problem (row, column,
// value, reason) with nothing written; then, on confirmation, the same file is imported for real
// and the result shown. Uploads show a progress bar (XMLHttpRequest, import-upload.tsx).
import { DownloadOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Progress,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ApiError, type Problem, withQuery } from '../api/client';
import { errorText } from '../api/error-text';
import { IMPORT_KINDS, IMPORT_LISTS, type ImportKind, type ImportSummary } from '../api/import-types';
import { PageHeader } from '../components/page-header';
import { ErrorState } from '../components/states';
import { type MessageKey, useI18n } from '../i18n';
import { useCan } from '../session';
import { ImportChangesView } from './import-changes';
import { downloadErrorWorkbook, UPLOAD_LIMIT_BYTES, uploadWithProgress } from './import-upload';
import { ImportQualityView } from './quality-findings';
import { currentMonth, MonthPicker } from './report-shared';

type Phase =
  | { step: 'choose' }
  | { step: 'uploading'; dryRun: boolean; percent: number }
  | { step: 'checked'; summary: ImportSummary }
  | { step: 'rejected'; message: string; problems: Problem[] }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'failed'; error: unknown; dryRun: boolean };

const kindLabel = (kind: ImportKind): MessageKey => `import.kind.${kind}`;
const kindHint = (kind: ImportKind): MessageKey => `import.kindHint.${kind}`;
const listLabel = (list: string): MessageKey => `import.list.${list}` as MessageKey;

export default function ImportPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const kinds = IMPORT_KINDS.filter((k) => (k === 'regions' ? can('regions.import') : can('data.import')));
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'projects');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [list, setList] = useState<string>('province_key');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [formMonth, setFormMonth] = useState(currentMonth);

  const query = kind === 'projects' ? { year, list } : {};
  const busy = phase.step === 'uploading';
  const reset = (keepFile = false) => {
    if (!keepFile) setFile(null);
    setPhase({ step: 'choose' });
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPhase({ step: 'uploading', dryRun, percent: 0 });
    try {
      const summary = await uploadWithProgress<ImportSummary>(`/api/import/${kind}`, file, {
        query: { ...query, dryRun: dryRun || undefined },
        onProgress: (fraction) =>
          setPhase((p) => (p.step === 'uploading' ? { ...p, percent: Math.round(fraction * 100) } : p)),
      });
      setPhase(dryRun ? { step: 'checked', summary } : { step: 'done', summary });
    } catch (error) {
      if (error instanceof ApiError && error.problems.length > 0)
        setPhase({ step: 'rejected', message: errorText(error, t, locale), problems: error.problems });
      else setPhase({ step: 'failed', error, dryRun });
    }
  };

  // Steps: choose (0), dry run (1), import (2), done (3); a failure stays on the step that failed.
  const current = {
    choose: 0,
    checked: 1,
    rejected: 1,
    done: 3,
    uploading: phase.step === 'uploading' && !phase.dryRun ? 2 : 1,
    failed: phase.step === 'failed' && !phase.dryRun ? 2 : 1,
  }[phase.step];
  const stepStatus =
    phase.step === 'rejected' || phase.step === 'failed'
      ? ('error' as const)
      : phase.step === 'done'
        ? ('finish' as const)
        : ('process' as const);

  if (kinds.length === 0) return <ErrorState error={new ApiError(403, 'forbidden', '')} />;
  return (
    <>
      <PageHeader title={t('import.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          status={stepStatus}
          size="small"
          items={[
            { title: t('import.step.choose') },
            { title: t('import.step.check') },
            { title: t('import.step.import') },
            { title: t('import.step.done') },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('import.choose.title')}>
            <Form layout="vertical" disabled={busy || phase.step === 'checked' || phase.step === 'done'}>
              <Form.Item label={t('import.kind')}>
                <Radio.Group
                  value={kind}
                  onChange={(e) => {
                    setKind(e.target.value as ImportKind);
                    reset();
                  }}
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="import-kind"
                  options={kinds.map((k) => ({ value: k, label: t(kindLabel(k)) }))}
                />
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t(kindHint(kind))}
                </Typography.Paragraph>
              </Form.Item>
              {kind === 'projects' && (
                <Space wrap size={16}>
                  <Form.Item label={t('import.year')} required htmlFor="import-year">
                    <InputNumber
                      id="import-year"
                      min={2000}
                      max={2100}
                      value={year}
                      onChange={(value) => value && setYear(value)}
                    />
                  </Form.Item>
                  <Form.Item label={t('import.list')} htmlFor="import-list">
                    <Select
                      id="import-list"
                      style={{ width: 200 }}
                      value={list}
                      onChange={setList}
                      options={IMPORT_LISTS.map((l) => ({ value: l, label: t(listLabel(l)) }))}
                    />
                  </Form.Item>
                </Space>
              )}
              <Form.Item label={t('import.template')} extra={t('import.templateHint')}>
                <Space wrap>
                  <Button
                    icon={<DownloadOutlined />}
                    href={withQuery(`/api/templates/${kind}`, { format: 'xlsx' })}
                    download
                    data-testid="template-xlsx"
                  >
                    {t('import.templateXlsx')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    href={withQuery(`/api/templates/${kind}`, { format: 'csv' })}
                    download
                    data-testid="template-csv"
                  >
                    {t('import.templateCsv')}
                  </Button>
                </Space>
              </Form.Item>
              {kind === 'reports' && (
                <Form.Item label={t('import.reportForm')} extra={t('import.reportFormHint')}>
                  <Space wrap>
                    <MonthPicker
                      id="import-form-month"
                      value={formMonth}
                      onChange={(next) => next && setFormMonth(next)}
                    />
                    <Button
                      icon={<DownloadOutlined />}
                      href={withQuery('/api/templates/reports/form', formMonth)}
                      download
                      data-testid="report-form"
                    >
                      {t('import.reportFormDownload')}
                    </Button>
                  </Space>
                </Form.Item>
              )}
              <Form.Item label={t('import.file')}>
                <Upload.Dragger
                  accept=".xlsx,.csv"
                  maxCount={1}
                  data-testid="import-file"
                  beforeUpload={(picked) => {
                    setFile(picked);
                    setPhase({ step: 'choose' });
                    return false;
                  }}
                  onRemove={() => reset()}
                  fileList={
                    file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' as const }] : []
                  }
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('import.drop')}</p>
                  <p className="ant-upload-hint">{t('import.dropHint')}</p>
                </Upload.Dragger>
              </Form.Item>
              {file && file.size > UPLOAD_LIMIT_BYTES && (
                <Alert type="error" showIcon title={t('error.too_large')} style={{ marginBottom: 16 }} />
              )}
              <Button
                type="primary"
                icon={<UploadOutlined />}
                disabled={busy || !file || file.size > UPLOAD_LIMIT_BYTES}
                loading={busy}
                onClick={() => void send(true)}
                data-testid="import-check"
              >
                {t('import.check')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('import.result.title')} data-testid="import-result">
            <PhaseView
              phase={phase}
              kind={kind}
              onErrorWorkbook={file ? () => downloadErrorWorkbook(kind, file, query) : undefined}
              onConfirm={() => void send(false)}
              onRestart={() => reset()}
              onRetry={() => reset(true)}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function PhaseView({
  phase,
  kind,
  onErrorWorkbook,
  onConfirm,
  onRestart,
  onRetry,
}: {
  phase: Phase;
  kind: ImportKind;
  /** Downloads the rejected file marked with its errors (false: nothing wrong any more). */
  onErrorWorkbook?: () => Promise<boolean>;
  onConfirm(): void;
  onRestart(): void;
  onRetry(): void;
}) {
  const { t } = useI18n();
  switch (phase.step) {
    case 'choose':
      return <Typography.Paragraph type="secondary">{t('import.result.waiting')}</Typography.Paragraph>;
    case 'uploading':
      return (
        <div data-testid="import-progress">
          <Typography.Paragraph>
            {phase.percent < 100
              ? t('import.progress.uploading', { percent: phase.percent })
              : phase.dryRun
                ? t('import.progress.checking')
                : t('import.progress.importing')}
          </Typography.Paragraph>
          <Progress percent={phase.percent} status="active" aria-label={t('import.result.title')} />
        </div>
      );
    case 'rejected':
      return (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            title={t('import.rejected.title', { count: phase.problems.length })}
            description={phase.message}
          />
          <ProblemsTable problems={phase.problems} />
          <Space wrap>
            {onErrorWorkbook && <ErrorWorkbookButton download={onErrorWorkbook} />}
            <Button icon={<ReloadOutlined />} onClick={onRestart}>
              {t('import.pickAnother')}
            </Button>
          </Space>
        </Space>
      );
    case 'failed':
      return (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <ErrorState error={phase.error} onRetry={onRetry} />
          {!phase.dryRun && <Alert type="info" showIcon title={t('import.failed.nothingWritten')} />}
        </Space>
      );
    case 'checked':
      return (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-dry-run">
          <Alert
            type="success"
            showIcon
            title={t('import.checked.title', { file: phase.summary.file })}
            description={t('import.checked.nothingYet')}
          />
          <Counts summary={phase.summary} dryRun />
          <ImportChangesView changes={phase.summary.changes} dryRun />
          <Warnings warnings={phase.summary.warnings} />
          <ImportQualityView quality={phase.summary.quality} />
          <MappingTable summary={phase.summary} />
          <Space wrap>
            <Button
              type="primary"
              onClick={onConfirm}
              disabled={phase.summary.inserted + phase.summary.updated === 0}
              data-testid="import-confirm"
            >
              {t('import.confirm', { kind: t(kindLabel(kind)) })}
            </Button>
            <Button onClick={onRestart}>{t('import.pickAnother')}</Button>
          </Space>
        </Space>
      );
    case 'done':
      return (
        <Result
          status="success"
          data-testid="import-done"
          title={t('import.done.title')}
          subTitle={t('import.done.text', {
            file: phase.summary.file,
            inserted: phase.summary.inserted,
            updated: phase.summary.updated,
            unchanged: phase.summary.unchanged,
          })}
          extra={
            <Button type="primary" onClick={onRestart}>
              {t('import.again')}
            </Button>
          }
        >
          <Counts summary={phase.summary} />
          <ImportChangesView changes={phase.summary.changes} />
          <Warnings warnings={phase.summary.warnings} />
          <ImportQualityView quality={phase.summary.quality} />
        </Result>
      );
  }
}

function Counts({ summary, dryRun = false }: { summary: ImportSummary; dryRun?: boolean }) {
  const { t } = useI18n();
  const items: [MessageKey, number][] = [
    ['import.count.rows', summary.rows],
    [dryRun ? 'import.count.wouldInsert' : 'import.count.inserted', summary.inserted],
    [dryRun ? 'import.count.wouldUpdate' : 'import.count.updated', summary.updated],
    ['import.count.unchanged', summary.unchanged],
  ];
  return (
    <Row gutter={[12, 12]} data-testid="import-counts">
      {items.map(([label, value]) => (
        <Col xs={12} sm={6} key={label}>
          <Statistic title={t(label)} value={value} />
        </Col>
      ))}
    </Row>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('import.warnings')}
      description={
        <ul className="sibi-problems">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      }
    />
  );
}

function MappingTable({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="column"
      data-testid="import-columns"
      title={() => t('import.columns.title')}
      pagination={false}
      scroll={{ x: 480 }}
      dataSource={summary.columns}
      columns={[
        { key: 'column', title: t('import.columns.column'), dataIndex: 'column', width: 70 },
        { key: 'header', title: t('import.columns.header'), dataIndex: 'header' },
        {
          key: 'field',
          title: t('import.columns.field'),
          dataIndex: 'field',
          render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
        },
      ]}
    />
  );
}

function ProblemsTable({ problems }: { problems: Problem[] }) {
  const { t } = useI18n();
  return (
    <Table<Problem & { key: number }>
      size="small"
      data-testid="import-problems"
      scroll={{ x: 560 }}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      pagination={{
        pageSize: 20,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      columns={[
        { key: 'row', title: t('import.problem.row'), dataIndex: 'row', width: 70, render: (v) => v ?? '—' },
        {
          key: 'column',
          title: t('import.problem.column'),
          dataIndex: 'column',
          width: 160,
          render: (v) => v ?? '—',
        },
        {
          key: 'value',
          title: t('import.problem.value'),
          dataIndex: 'value',
          width: 140,
          render: (v: string | null) => (v === null ? '—' : <Typography.Text code>{v}</Typography.Text>),
        },
        { key: 'reason', title: t('import.problem.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

/** 下载错误标注工作簿: the rejected file back with a 错误说明 column; fix it in Excel and upload it again. */
function ErrorWorkbookButton({ download }: { download(): Promise<boolean> }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      if (!(await download())) void message.info(t('import.errorWorkbookClean'));
    } catch (error) {
      void message.error(errorText(error, t, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void click()}
      data-testid="error-workbook"
    >
      {t('import.errorWorkbook')}
    </Button>
  );
}
