// The dialogs of 用户管理: create or edit an account (系统管理员), change its role (安全管理员),
// and show a one-time password once.
import { Alert, App, Form, Input, Modal, Select, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import {
  type Account,
  type AccountWithPassword,
  ADMIN_ROLES,
  PROJECT_ROLES,
  REGION_ROLES,
  ROLES,
  type Role,
} from '../api/types';
import { type MessageKey, useI18n } from '../i18n';
import { regionTreeData, useRegions } from '../regions';

export type AccountDialogMode = 'create' | 'edit' | 'role';

interface Values {
  username?: string;
  displayName?: string;
  role?: Role;
  regionCode?: string | null;
  projectCodes?: string[];
}

const BUSINESS_ROLES = ROLES.filter((role) => !ADMIN_ROLES.includes(role));

export function roleOptions(t: (key: MessageKey) => string, roles: readonly Role[] = ROLES) {
  return roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

export function AccountDialog({
  mode,
  account,
  onClose,
  onDone,
}: {
  mode: AccountDialogMode;
  account?: Account;
  onClose(): void;
  onDone(result: { account: Account; password?: string }): void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const regions = useRegions();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form) ?? account?.role;
  const tree = useMemo(() => regionTreeData(regions.all), [regions.all]);
  const needsRegion = role !== undefined && REGION_ROLES.includes(role);
  const takesProjects = role !== undefined && PROJECT_ROLES.includes(role);

  const title: Record<AccountDialogMode, MessageKey> = {
    create: 'users.create',
    edit: 'users.edit',
    role: 'users.changeRole',
  };

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const binding = {
      regionCode: needsRegion ? (values.regionCode ?? null) : null,
      projectCodes: takesProjects ? (values.projectCodes ?? []) : [],
    };
    try {
      if (mode === 'create') {
        const result = await api.post<AccountWithPassword>('/api/users', {
          username: values.username?.trim(),
          ...(values.displayName?.trim() ? { displayName: values.displayName.trim() } : {}),
          role: values.role,
          ...binding,
        });
        void message.success(t('users.created'));
        onDone(result);
      } else if (mode === 'edit') {
        const updated = await api.patch<Account>(`/api/users/${account!.id}`, {
          version: account!.version,
          displayName: values.displayName?.trim(),
          ...binding,
        });
        void message.success(t('users.updated'));
        onDone({ account: updated });
      } else {
        const updated = await api.put<Account>(`/api/users/${account!.id}/role`, {
          version: account!.version,
          role: values.role,
          ...binding,
        });
        void message.success(t('users.updated'));
        onDone({ account: updated });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={account ? `${t(title[mode])} · ${account.username}` : t(title[mode])}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorText(error, t, locale)}
          style={{ marginBottom: 16 }}
          data-testid="account-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={{
          displayName: account?.displayName,
          role: account?.role,
          regionCode: account?.regionCode ?? undefined,
          projectCodes: account?.projectCodes ?? [],
        }}
      >
        {mode === 'create' && (
          <Form.Item
            htmlFor="account-username"
            name="username"
            label={t('users.username')}
            rules={[
              { required: true, whitespace: true, min: 3, max: 32, message: t('users.required.username') },
            ]}
          >
            <Input autoComplete="off" id="account-username" />
          </Form.Item>
        )}
        {mode !== 'role' && (
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[{ max: 60 }]}
            htmlFor="account-display-name"
          >
            <Input autoComplete="off" id="account-display-name" />
          </Form.Item>
        )}
        {mode !== 'edit' && (
          <Form.Item
            htmlFor="account-role"
            name="role"
            label={t('users.role')}
            rules={[{ required: true, message: t('users.required.role') }]}
            extra={mode === 'create' ? t('users.roleHint') : undefined}
          >
            <Select
              id="account-role"
              options={roleOptions(t, mode === 'create' ? BUSINESS_ROLES : ROLES)}
              data-testid="account-role"
            />
          </Form.Item>
        )}
        {needsRegion && (
          <Form.Item
            htmlFor="account-region"
            name="regionCode"
            label={t('users.region')}
            rules={[{ required: true, message: t('users.regionRequired') }]}
          >
            <TreeSelect
              id="account-region"
              treeData={tree}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandedKeys={tree.map((node) => node.value)}
              loading={regions.loading}
              data-testid="account-region"
            />
          </Form.Item>
        )}
        {takesProjects && (
          <Form.Item
            name="projectCodes"
            label={t('users.projects')}
            extra={t('users.projectsHint')}
            htmlFor="account-projects"
          >
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} id="account-projects" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function OneTimePassword({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('users.password.title')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Typography.Paragraph>{t('users.password.text', { username })}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: password }} code data-testid="one-time-password">
        {password}
      </Typography.Paragraph>
    </Modal>
  );
}
