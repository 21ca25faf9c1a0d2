// Keeps one failing page from blanking the whole app; a chunk that no longer exists (a new
// version was deployed) is also caught here, and reloading fetches the new one.
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props {
  children: ReactNode;
  /** Changing it (the route) clears a previous error. */
  resetKey: string;
}

export class ErrorBoundary extends Component<Props, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}

function PageFailed({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('page.error.title')}
      subTitle={`${t('page.error.text')} (${error.message})`}
      extra={
        <Button type="primary" onClick={() => location.reload()}>
          {t('common.refresh')}
        </Button>
      }
    />
  );
}
