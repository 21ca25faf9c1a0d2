// 用户管理: accounts with server-side paging, sorting and filters (kept in the address). What a
// row offers is what the server says the caller may do with it (`permissions`), so 三员分立
// holds in the interface without repeating the rules: the system administrator creates, edits,
// disables and resets passwords; the security administrator changes roles and resets TOTP.
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  ACCOUNTS_TABLE,
  type AccountStatus,
  accountStatuses,
  statusName,
} from '../../../src/domain/tables/accounts';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useApiQuery } from '../api/query';
import type { Account, AccountWithPassword, Page } from '../api/types';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { ErrorState } from '../components/states';
import { type MessageKey, useI18n } from '../i18n';
import { useRegions } from '../regions';
import { setSearch, useLocation } from '../router';
import { useCan } from '../session';
import { screenContext, specColumns } from './spec-columns';
import { AccountDialog, type AccountDialogMode, OneTimePassword, roleOptions } from './users-dialogs';

const SORTABLE = ['username', 'displayName', 'role', 'lastLoginAt'] as const;

type Dialog =
  | { kind: 'form'; mode: AccountDialogMode; account?: Account }
  | { kind: 'password'; username: string; password: string }
  | null;

export default function UsersPage() {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const can = useCan();
  const regions = useRegions();
  const { search } = useLocation();
  const [filterForm] = Form.useForm<{ q?: string; role?: string; disabled?: string }>();
  const [dialog, setDialog] = useState<Dialog>(null);

  const page = Number(search.get('page') ?? 1) || 1;
  const pageSize = Number(search.get('pageSize') ?? 20) || 20;
  const sort = search.get('sort') ?? undefined;
  const q = search.get('q') ?? undefined;
  const role = search.get('role') ?? undefined;
  const disabled = search.get('disabled') ?? undefined;
  const key = JSON.stringify({ page, pageSize, sort, q, role, disabled });
  const state = useApiQuery(['/api/users', key], (signal) =>
    api.get<Page<Account>>('/api/users', { page, pageSize, sort, q, role, disabled }, signal),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are encoded in key
  useEffect(() => {
    filterForm.setFieldsValue({ q, role, disabled });
  }, [key, filterForm]);

  const act = (account: Account, action: 'disable' | 'enable' | 'resetPassword' | 'resetTotp') => {
    const texts: Record<typeof action, MessageKey> = {
      disable: 'users.confirm.disable',
      enable: 'users.confirm.enable',
      resetPassword: 'users.confirm.resetPassword',
      resetTotp: 'users.confirm.resetTotp',
    };
    modal.confirm({
      title: t(`users.${action}`),
      content: t(texts[action], { username: account.username }),
      okButtonProps: { danger: action !== 'enable' },
      onOk: async () => {
        try {
          if (action === 'resetPassword') {
            const result = await api.post<AccountWithPassword>(`/api/users/${account.id}/reset-password`);
            setDialog({ kind: 'password', username: account.username, password: result.password });
          } else {
            const path = action === 'resetTotp' ? 'reset-totp' : action;
            await api.post(`/api/users/${account.id}/${path}`, { version: account.version });
            void message.success(t('users.updated'));
          }
          state.reload();
        } catch (error) {
          void message.error(errorText(error, t, locale));
          state.reload();
        }
      },
    });
  };

  const sortOrder = (field: string) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

  // The columns of the export (src/domain/tables/accounts.ts), then the actions.
  const sortable = (field: string) => ({ sorter: true, sortOrder: sortOrder(field) });
  const columns: TableProps<Account>['columns'] = [
    ...specColumns<Account>(ACCOUNTS_TABLE, screenContext(locale, regions.name), {
      username: {
        extra: { width: undefined, ...sortable('username') },
        render: (text) => <Typography.Text strong>{text}</Typography.Text>,
      },
      displayName: { extra: { width: undefined, ...sortable('displayName') } },
      role: {
        extra: { width: undefined, ...sortable('role') },
        render: (text, account) => (
          <Tag color={account.role.endsWith('admin') || account.role === 'auditor' ? 'purple' : 'blue'}>
            {text}
          </Tag>
        ),
      },
      region: { extra: { width: undefined } },
      status: { extra: { width: undefined }, render: (_, account) => <StatusTags account={account} /> },
      lastLoginAt: { extra: { width: undefined, ...sortable('lastLoginAt') } },
    }),
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, account) => {
        const p = account.permissions;
        return (
          <Space size={0} wrap>
            {p.update && (
              <Button
                type="link"
                size="small"
                onClick={() => setDialog({ kind: 'form', mode: 'edit', account })}
              >
                {t('common.edit')}
              </Button>
            )}
            {p.changeRole && (
              <Button
                type="link"
                size="small"
                onClick={() => setDialog({ kind: 'form', mode: 'role', account })}
              >
                {t('users.changeRole')}
              </Button>
            )}
            {p.disable && (
              <Button type="link" size="small" danger onClick={() => act(account, 'disable')}>
                {t('users.disable')}
              </Button>
            )}
            {p.enable && (
              <Button type="link" size="small" onClick={() => act(account, 'enable')}>
                {t('users.enable')}
              </Button>
            )}
            {p.resetPassword && (
              <Button type="link" size="small" onClick={() => act(account, 'resetPassword')}>
                {t('users.resetPassword')}
              </Button>
            )}
            {p.resetTotp && (
              <Button type="link" size="small" onClick={() => act(account, 'resetTotp')}>
                {t('users.resetTotp')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const onTableChange: TableProps<Account>['onChange'] = (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof one?.columnKey === 'string' && one.order ? one.columnKey : null;
    const nextSort =
      field && (SORTABLE as readonly string[]).includes(field)
        ? `${one?.order === 'descend' ? '-' : ''}${field}`
        : null;
    const sizeChanged = pagination.pageSize !== pageSize;
    const sortChanged = (nextSort ?? undefined) !== sort;
    setSearch({
      page: sizeChanged || sortChanged ? null : pagination.current,
      pageSize: pagination.pageSize,
      sort: nextSort,
    });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={state.reload}>
              {t('common.refresh')}
            </Button>
            <ExportButton
              path="/api/users/export"
              query={{ sort, q, role, disabled }}
              testId="users-export"
            />
            {can('user.manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: 'form', mode: 'create' })}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={filterForm}
          layout="inline"
          onFinish={(values) => setSearch({ ...values, q: values.q?.trim(), page: null })}
        >
          <Form.Item name="q">
            <Input
              allowClear
              placeholder={t('users.search')}
              prefix={<SearchOutlined />}
              style={{ width: 200 }}
              id="users-q"
            />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select
              allowClear
              style={{ width: 150 }}
              options={roleOptions(t)}
              placeholder={t('common.all')}
            />
          </Form.Item>
          <Form.Item name="disabled" label={t('users.filter.status')}>
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('common.all')}
              options={[
                { value: 'false', label: t('users.filter.enabled') },
                { value: 'true', label: t('users.filter.disabled') },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                filterForm.resetFields();
                setSearch({ q: null, role: null, disabled: null, page: null });
              }}
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<Account>
          rowKey="id"
          size="middle"
          data-testid="users-table"
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          onChange={onTableChange}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize,
            total: state.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      )}
      {dialog?.kind === 'form' && (
        <AccountDialog
          mode={dialog.mode}
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={(result) => {
            state.reload();
            setDialog(
              result.password
                ? { kind: 'password', username: result.account.username, password: result.password }
                : null,
            );
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <OneTimePassword
          username={dialog.username}
          password={dialog.password}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function StatusTags({ account }: { account: Account }) {
  const { locale } = useI18n();
  return (
    <Space size={[0, 4]} wrap>
      {accountStatuses(account as unknown as Record<string, unknown>, new Date()).map((status) => (
        <Tag key={status} color={STATUS_COLORS[status]}>
          {statusName(status, locale)}
        </Tag>
      ))}
    </Space>
  );
}

const STATUS_COLORS: Record<AccountStatus, string> = {
  active: 'success',
  disabled: 'default',
  locked: 'error',
  mustChange: 'warning',
  totp: 'processing',
  demo: 'orange',
};
