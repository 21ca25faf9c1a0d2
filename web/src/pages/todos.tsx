// 待办: what the signed-in account must do now (GET /api/todos) — reports due this period with the
// deadline and days left, returned ones, the review queue, 加分/扣分 awaiting approval, overdue units or
// projects, robot failures — each with a link to where it is done; and the unread messages
// (GET /api/messages), which can be marked read. The same counts are the menu's badges (shell.tsx).
import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useGet } from '../api/query';
import type { Messages, TodoEntry, Todos } from '../api/todos-types';
import { LinkButton } from '../components/link-button';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { formatDate, formatDateTime, formatMonth } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { Link } from '../router';

export default function TodosPage() {
  const { t, locale } = useI18n();
  const todos = useGet<Todos>('/api/todos');
  const period = todos.data?.period;
  return (
    <>
      <PageHeader
        title={
          <>
            {t('todos.title')}
            {period && (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 16, fontWeight: 'normal', marginLeft: 12 }}
              >
                {t('todos.period', {
                  period: formatMonth(period.year, period.month, locale),
                  deadline: formatDate(period.deadline, locale),
                })}
              </Typography.Text>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Async state={todos}>
            {(data) =>
              data.items.length === 0 ? (
                <Card>
                  <EmptyState text={t('todos.none')} />
                </Card>
              ) : (
                <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="todo-list">
                  {data.items.map((item) => (
                    <TodoCard key={item.kind} item={item} />
                  ))}
                </Space>
              )
            }
          </Async>
        </Col>
        <Col xs={24} xl={8}>
          <UnreadMessages />
        </Col>
      </Row>
    </>
  );
}

function TodoCard({ item }: { item: TodoEntry }) {
  const { t, locale } = useI18n();
  const kind = `todos.kind.${item.kind}` as MessageKey;
  const rows = [
    ...(item.projects ?? []).map((p) => ({
      key: `p${p.projectId}`,
      text: `${p.code} ${p.name}`,
      link: p.link,
    })),
    ...(item.units ?? []).map((u) => ({
      key: `u${u.code}`,
      text: `${u.name}（${u.missing}）`,
      link: u.link,
    })),
    ...(item.months ?? []).map((m) => ({
      key: `m${m.period}`,
      text: `${m.period}（${m.count}）`,
      link: m.link,
    })),
  ].slice(0, 5);
  return (
    <Card
      size="small"
      data-testid={`todo-${item.kind}`}
      title={
        <Space wrap>
          <Badge count={item.count} overflowCount={9999} color={item.overdue ? '#c0392b' : '#1d5fb8'} />
          <span>{t(kind)}</span>
          {item.overdue ? (
            <Tag color="red">{t('todos.overdue')}</Tag>
          ) : item.daysLeft !== null ? (
            <Tag color={item.daysLeft <= 3 ? 'orange' : 'blue'}>
              {item.daysLeft === 0 ? t('todos.dueToday') : t('todos.daysLeft', { days: item.daysLeft })}
            </Tag>
          ) : null}
        </Space>
      }
      extra={
        <LinkButton type="primary" size="small" to={item.link} icon={<RightOutlined />}>
          {t('todos.open')}
        </LinkButton>
      }
    >
      <Typography.Paragraph style={{ marginBottom: rows.length ? 8 : 0 }}>
        {item.title}
        {item.deadline && (
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('todos.deadline', { deadline: formatDate(item.deadline, locale) })}
          </Typography.Text>
        )}
      </Typography.Paragraph>
      {rows.length > 0 && (
        <List
          size="small"
          dataSource={rows}
          renderItem={(row) => (
            <List.Item key={row.key}>
              <Link to={row.link}>{row.text}</Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function UnreadMessages() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const messages = useGet<Messages>('/api/messages', { unread: 'true', pageSize: 20 });
  const act = async (path: string) => {
    try {
      await api.post(path);
    } catch (error) {
      void message.error(errorText(error, t, locale));
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('todos.messages')}
          <Badge count={messages.data?.unread ?? 0} overflowCount={999} />
        </Space>
      }
      extra={
        messages.data?.unread ? (
          <Button size="small" icon={<CheckOutlined />} onClick={() => act('/api/messages/read-all')}>
            {t('todos.readAll')}
          </Button>
        ) : null
      }
      data-testid="todo-messages"
    >
      <Async state={messages}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState text={t('todos.noMessages')} />
          ) : (
            <List
              size="small"
              dataSource={data.items}
              renderItem={(item) => (
                <List.Item
                  key={item.id}
                  actions={[
                    <Button
                      key="read"
                      size="small"
                      type="link"
                      onClick={() => act(`/api/messages/${item.id}/read`)}
                    >
                      {t('todos.read')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
                    description={
                      <>
                        <div>{item.body}</div>
                        <Typography.Text type="secondary">
                          {formatDateTime(item.createdAt, locale)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )
        }
      </Async>
    </Card>
  );
}
