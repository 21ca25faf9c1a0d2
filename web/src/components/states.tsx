// The three states every page shows besides its data: loading, failed (with a retry), empty.
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { errorText, problemLines } from '../api/error-text';
import { useI18n } from '../i18n';

export function Loading({ tip }: { tip?: string }) {
  const { t } = useI18n();
  return (
    <div className="sibi-state" role="status" aria-live="polite">
      <Spin />
      <span className="sibi-state-text">{tip ?? t('common.loading')}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  const lines = problemLines(error, t);
  return (
    <Alert
      type="error"
      showIcon
      title={t('page.loadFailed')}
      description={
        <>
          <div>{errorText(error, t, locale)}</div>
          {lines.length > 0 && (
            <ul className="sibi-problems">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </>
      }
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

export function EmptyState({ text }: { text?: ReactNode }) {
  const { t } = useI18n();
  return <Empty description={text ?? t('common.empty')} />;
}

/** Loading, error or the content: the usual shape of a page body. */
export function Async<T>({
  state,
  children,
}: {
  state: { data: T | undefined; error: unknown; loading: boolean; reload(): void };
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.loading || state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
