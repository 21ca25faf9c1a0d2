// 综合考评 · 考评方案: the built-in schemes for reading (settings, dimensions, indicators, rules in
// words, points, bonus and penalty, and the YAML file itself), and an editor for a copy: the YAML
// in a text area, checked by the server (POST /api/schemes/check: every problem with its line and
// column; for the province officer, also the nominal against the effective weights on the chosen
// period's data), and for the province officer a
// draft run with the copy (never published: only built-in schemes are). The copy being edited is
// kept in this tab's session storage, so a reload does not lose it.
import { CalculatorOutlined, CheckCircleOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, request } from '../api/client';
import type {
  DraftEvaluation,
  SchemeCheck,
  SchemeFull,
  SchemeSummary,
  WeightRow,
} from '../api/evaluation-types';
import { DRAFT_QUERY, useApiQuery } from '../api/query';
import { PageHeader } from '../components/page-header';
import { Async, ErrorState, Loading } from '../components/states';
import { formatPercent } from '../format';
import { useI18n } from '../i18n';
import { setSearch, useLocation } from '../router';
import { useCan } from '../session';
import { DEFAULT_SCHEME, GroupPicker, PeriodPicker } from './evaluation-common';
import { DraftBanner, EvaluationView } from './evaluation-view';
import { SchemeTables } from './scheme-tables';

const COPY_KEY = (id: string) => `sibi.schemeCopy.${id}`;

export default function SchemesPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const id = search.get('scheme') ?? DEFAULT_SCHEME;
  const editing = search.get('edit') === '1';
  const list = useApiQuery(['/api/schemes'], (signal) =>
    api.get<{ items: SchemeSummary[] }>('/api/schemes', undefined, signal),
  );
  const full = useApiQuery(['/api/schemes', id], (signal) =>
    api.get<SchemeFull>(`/api/schemes/${id}`, undefined, signal),
  );
  return (
    <>
      <PageHeader
        title={t('scheme.title')}
        extra={
          <>
            <Select
              id="scheme-select"
              aria-label={t('evaluation.scheme')}
              style={{ width: 420, maxWidth: '100%' }}
              value={id}
              loading={list.loading}
              onChange={(value: string) => setSearch({ scheme: value })}
              options={(list.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.name}（${s.version}）`,
              }))}
            />
            {editing ? (
              <Button onClick={() => setSearch({ edit: null })}>{t('scheme.closeEditor')}</Button>
            ) : (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setSearch({ edit: '1' })}
                data-testid="scheme-edit"
              >
                {t('scheme.editCopy')}
              </Button>
            )}
          </>
        }
      />
      <Async state={full}>
        {(scheme) =>
          editing ? (
            <SchemeEditor key={scheme.id} original={scheme} />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="scheme-viewer">
              <SchemeTables scheme={scheme.scheme} />
              <Collapse
                items={[
                  {
                    key: 'yaml',
                    label: t('scheme.yaml'),
                    children: (
                      // A scrolling region is reached by keyboard (WCAG 2.1.1): named and focusable.
                      <section
                        aria-label={t('scheme.yaml')}
                        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must take focus to be scrolled by keyboard
                        tabIndex={0}
                        style={{ maxHeight: 600, overflow: 'auto' }}
                      >
                        <pre
                          className="sibi-json"
                          style={{ maxHeight: 'none', overflow: 'visible' }}
                          data-testid="scheme-yaml"
                        >
                          {scheme.text}
                        </pre>
                      </section>
                    ),
                  },
                ]}
              />
            </Space>
          )
        }
      </Async>
    </>
  );
}

function readCopy(id: string): string | null {
  try {
    return sessionStorage.getItem(COPY_KEY(id));
  } catch {
    return null;
  }
}

function writeCopy(id: string, text: string | null): void {
  try {
    if (text === null) sessionStorage.removeItem(COPY_KEY(id));
    else sessionStorage.setItem(COPY_KEY(id), text);
  } catch {
    // No storage: the copy lasts as long as the page.
  }
}

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; text: string; result: SchemeCheck }
  | { state: 'failed'; error: unknown };

interface Run {
  text: string;
  period: string;
  group?: string;
  n: number;
}

function SchemeEditor({ original }: { original: SchemeFull }) {
  const { t } = useI18n();
  const can = useCan();
  const [text, setText] = useState(() => readCopy(original.id) ?? original.text);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [period, setPeriod] = useState<string | undefined>('2020Q3');
  const [group, setGroup] = useState<string | undefined>();
  const [run, setRun] = useState<Run | null>(null);
  const changed = text !== original.text;

  useEffect(() => writeCopy(original.id, changed ? text : null), [original.id, text, changed]);

  const validate = async () => {
    setCheck({ state: 'checking' });
    try {
      // With a period (province officer), the copy is also weighed on that period's data.
      const withPeriod = can('evaluation.run') && period ? { period } : {};
      const result = await api.post<SchemeCheck>('/api/schemes/check', { text, ...withPeriod });
      setCheck({ state: 'done', text, result });
    } catch (error) {
      setCheck({ state: 'failed', error });
    }
  };
  const valid = check.state === 'done' && check.text === text && check.result.ok;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="scheme-editor">
      <Alert type="info" showIcon title={t('scheme.editor.intro', { name: original.scheme.name })} />
      <Card
        size="small"
        title={t('scheme.editor.title')}
        extra={changed && <Typography.Text type="warning">{t('scheme.editor.changed')}</Typography.Text>}
      >
        <Input.TextArea
          id="scheme-text"
          aria-label={t('scheme.editor.title')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 16, maxRows: 32 }}
          spellCheck={false}
          style={{
            fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace",
            fontSize: 13,
          }}
        />
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            loading={check.state === 'checking'}
            onClick={validate}
            data-testid="scheme-validate"
          >
            {t('scheme.editor.validate')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            disabled={!changed}
            onClick={() => {
              setText(original.text);
              setCheck({ state: 'idle' });
            }}
          >
            {t('scheme.editor.restore')}
          </Button>
        </Space>
        <div style={{ marginTop: 12 }}>
          <ValidationResult check={check} stale={check.state === 'done' && check.text !== text} />
        </div>
      </Card>
      {can('evaluation.run') && (
        <Card size="small" title={t('scheme.editor.runTitle')}>
          <Space wrap>
            <PeriodPicker id="scheme-run-period" value={period} onChange={setPeriod} />
            <GroupPicker
              id="scheme-run-group"
              value={group}
              groups={check.state === 'done' ? check.result.scheme?.groups : original.scheme.groups}
              onChange={setGroup}
            />
            <Button
              type="primary"
              icon={<CalculatorOutlined />}
              disabled={!period || !valid}
              onClick={() => period && setRun({ text, period, group, n: (run?.n ?? 0) + 1 })}
              data-testid="scheme-run"
            >
              {t('scheme.editor.run')}
            </Button>
            {!valid && <Typography.Text type="secondary">{t('scheme.editor.validateFirst')}</Typography.Text>}
          </Space>
        </Card>
      )}
      {run && <CopyDraft base={original.id} run={run} />}
    </Space>
  );
}

function ValidationResult({ check, stale }: { check: Check; stale: boolean }) {
  const { t } = useI18n();
  if (check.state === 'idle') return null;
  if (check.state === 'checking') return <Loading />;
  if (check.state === 'failed') return <ErrorState error={check.error} />;
  const { result } = check;
  if (result.ok && result.scheme) {
    const indicators = result.scheme.dimensions.reduce((n, d) => n + d.indicators.length, 0);
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert
          type={stale ? 'warning' : 'success'}
          showIcon
          data-testid="scheme-valid"
          title={stale ? t('scheme.editor.stale') : t('scheme.editor.valid')}
          description={t('scheme.totalText', {
            total: result.scheme.total,
            dimensions: result.scheme.dimensions.length,
            indicators,
          })}
        />
        {result.weights && <WeightTables weights={result.weights} />}
        <SchemeTables scheme={result.scheme} />
      </Space>
    );
  }
  const issues = result.problems.map((p) => p.text);
  return <IssueList issues={issues} title={t('scheme.editor.invalid', { n: issues.length })} />;
}

/** Nominal weight (share of the points) against effective weight (share of the totals' variance). */
function WeightTables({ weights }: { weights: NonNullable<SchemeCheck['weights']> }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid="scheme-weights"
      title={t('scheme.editor.weightsTitle', { period: weights.period, region: weights.region.name })}
    >
      <Typography.Paragraph type="secondary">{t('scheme.editor.weightsHint')}</Typography.Paragraph>
      {weights.groups.map((g) => (
        <Table<WeightRow>
          key={g.group}
          size="small"
          pagination={false}
          rowKey="indicator"
          title={() => t('scheme.editor.weightsGroup', { group: g.label, n: g.units })}
          dataSource={g.rows}
          columns={[
            { title: t('scheme.editor.weightIndicator'), dataIndex: 'name' },
            { title: t('scheme.editor.nominal'), align: 'right', render: (_, r) => formatPercent(r.nominal) },
            {
              title: t('scheme.editor.effective'),
              align: 'right',
              render: (_, r) =>
                r.effective === null ? t('scheme.editor.noVariance') : formatPercent(r.effective),
            },
          ]}
          style={{ marginBottom: 12 }}
        />
      ))}
    </Card>
  );
}

function IssueList({ issues, title }: { issues: string[]; title: string }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="scheme-issues"
      title={title}
      description={
        <ul className="sibi-problems">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      }
    />
  );
}

/** A draft run with the edited copy: results and analyses, no 通报 and no publishing. */
function CopyDraft({ base, run }: { base: string; run: Run }) {
  const { t } = useI18n();
  const body = { scheme: base, schemeText: run.text, period: run.period, group: run.group };
  const state = useApiQuery(
    ['/api/evaluations/draft', body],
    (signal) => request<DraftEvaluation>('POST', '/api/evaluations/draft', { body, signal }),
    DRAFT_QUERY,
  );
  if (state.error) {
    const issues =
      state.error instanceof ApiError &&
      state.error.code === 'invalid_scheme' &&
      Array.isArray(state.error.details)
        ? (state.error.details as string[])
        : null;
    return issues ? (
      <IssueList issues={issues} title={t('scheme.editor.invalid', { n: issues.length })} />
    ) : (
      <ErrorState error={state.error} onRetry={state.reload} />
    );
  }
  if (state.loading || !state.data) return <Loading tip={t('evaluation.running')} />;
  const draft = state.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="copy-draft">
      <DraftBanner
        draft={draft}
        title="scheme.editor.draftTitle"
        description={t('scheme.editor.draftText')}
      />
      <EvaluationView
        source={{ kind: 'draft', body: { ...body, region: draft.parent.code } }}
        result={draft.result}
        group={run.group}
      />
    </Space>
  );
}
