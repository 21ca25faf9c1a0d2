// The fields of the fill form: the cumulative amount in 万元 with the month's own amount under it,
// the start and completion (a switch and its date each), the progress and problems texts, and the
// reason a correction needs. Each label is marked when its value was carried from last month's
// report or is the same as last month's.
import { Col, DatePicker, Form, type FormRule, Input, Row, Switch, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReportField, ReportForm } from '../api/reports-types';
import { WanInput, wanRule } from '../components/wan-input';
import { formatAmount, formatDate } from '../format';
import { useI18n } from '../i18n';
import { monthAmount } from './report-fill-values';

const FIELD_MARK = { marginInlineStart: 6, fontWeight: 'normal' } as const;

type Marks = Pick<ReportForm, 'carried' | 'unchanged'>;

function FieldLabel({ text, field, marks }: { text: string; field: ReportField; marks: Marks }) {
  const { t } = useI18n();
  return (
    <span>
      {text}
      {marks.carried.includes(field) ? (
        <Tag color="blue" style={FIELD_MARK} data-testid={`carried-${field}`}>
          {t('reports.fill.carried')}
        </Tag>
      ) : (
        marks.unchanged.includes(field) && (
          <Tag color="orange" style={FIELD_MARK} data-testid={`unchanged-${field}`}>
            {t('reports.fill.unchanged')}
          </Tag>
        )
      )}
    </span>
  );
}

export function InvestField({ data, investWan }: { data: ReportForm; investWan: string }) {
  const { t, locale } = useI18n();
  const amount = monthAmount(data, investWan);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          htmlFor="report-invest"
          name="investWan"
          label={<FieldLabel text={t('reports.investYtd')} field="investYtd" marks={data} />}
          extra={
            <span data-testid="report-month-amount">
              {t('reports.fill.monthAmount')}：{amount === null ? '—' : formatAmount(amount, locale)}
              {amount !== null && amount < 0n && (
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
  );
}

/** A yes/no switch and the date that goes with it (start, completion). */
function FlagAndDate({
  flag,
  date,
  on,
  flagRules,
  dateRules,
  marks,
}: {
  flag: 'started' | 'completed';
  date: 'startDate' | 'completionDate';
  on: boolean;
  flagRules: FormRule[];
  dateRules: FormRule[];
  marks: Marks;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <Col xs={8} md={6}>
        <Form.Item
          htmlFor={`report-${flag}`}
          name={flag}
          label={<FieldLabel text={t(`reports.${flag}`)} field={flag} marks={marks} />}
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
          label={<FieldLabel text={t(`reports.${date}`)} field={date} marks={marks} />}
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
}

/** Started and completed, each with its date: completed needs started, and not before the start. */
export function ProgressDates({
  marks,
  started,
  completed,
}: {
  marks: Marks;
  started: boolean;
  completed: boolean;
}) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <FlagAndDate
        flag="started"
        date="startDate"
        on={started}
        marks={marks}
        flagRules={[]}
        dateRules={[{ required: started, message: t('reports.fill.startDateRequired') }]}
      />
      <FlagAndDate
        flag="completed"
        date="completionDate"
        on={completed}
        marks={marks}
        flagRules={[
          ({ getFieldValue }) => ({
            validator: (_, value: boolean) =>
              value && !getFieldValue('started')
                ? Promise.reject(new Error(t('reports.fill.completedNeedsStart')))
                : Promise.resolve(),
          }),
        ]}
        dateRules={[
          { required: completed, message: t('reports.fill.completionDateRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null) => {
              const start: Dayjs | null = getFieldValue('startDate');
              return value && start && value.isBefore(start, 'day')
                ? Promise.reject(new Error(t('reports.fill.completionBeforeStart')))
                : Promise.resolve();
            },
          }),
        ]}
      />
    </Row>
  );
}

/** The month's progress and its problems, as free text. */
export function ProgressTexts({ marks }: { marks: Marks }) {
  const { t } = useI18n();
  const text = (
    field: 'progressNote' | 'problems',
    id: string,
    rows: [number, number],
    placeholder: string,
  ) => (
    <Form.Item
      name={field}
      label={<FieldLabel text={t(`reports.${field}`)} field={field} marks={marks} />}
      htmlFor={id}
    >
      <Input.TextArea
        id={id}
        autoSize={{ minRows: rows[0], maxRows: rows[1] }}
        maxLength={4000}
        showCount
        placeholder={placeholder}
      />
    </Form.Item>
  );
  return (
    <>
      {text('progressNote', 'report-progress', [3, 8], t('reports.fill.progressPlaceholder'))}
      {text('problems', 'report-problems', [2, 6], t('reports.fill.problemsPlaceholder'))}
    </>
  );
}

/** Why a correction is made: asked after the lock, of a submitted or approved report, or when the server asks. */
export function ReasonField() {
  const { t } = useI18n();
  return (
    <Form.Item
      htmlFor="report-reason"
      name="reason"
      label={t('reports.fill.reason')}
      tooltip={t('reports.fill.reasonHint')}
      rules={[{ required: true, min: 2, whitespace: true, message: t('reports.fill.reasonRequired') }]}
    >
      <Input.TextArea id="report-reason" autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
    </Form.Item>
  );
}
