// One evaluation result, draft or published, in tabs: the ranked results, the robustness analysis,
// what it takes to move up, and the 通报 (not for an edited scheme copy: bulletins are written
// for built-in schemes only). A tab loads its analysis the first time it is opened.
import { Alert, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import type { DraftEvaluation, EvaluationResult } from '../api/evaluation-types';
import { formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { BulletinPanel } from './bulletin-panel';
import type { EvaluationSource } from './evaluation-common';
import { ResultTables } from './evaluation-results';
import { RobustnessPanel, WhatItTakesPanel } from './evaluation-robustness';
import { SelfScoreTable } from './self-score-comparison';

export function EvaluationView({
  source,
  result,
  group,
  bulletin,
}: {
  source: EvaluationSource;
  result: EvaluationResult;
  group?: string;
  bulletin?: { period: string; scheme: string; draft: boolean };
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState('results');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      data-testid="evaluation-tabs"
      items={[
        {
          key: 'results',
          label: t('evaluation.tab.results'),
          children: <ResultTables result={result} group={group} source={source} />,
        },
        ...(result.selfScores
          ? [
              {
                key: 'selfScores',
                label: t('selfScores.tab'),
                children: <SelfScoreTable comparison={result.selfScores} />,
              },
            ]
          : []),
        {
          key: 'robustness',
          label: t('evaluation.tab.robustness'),
          children: <RobustnessPanel source={source} group={group} />,
        },
        {
          key: 'whatItTakes',
          label: t('evaluation.tab.whatItTakes'),
          children: <WhatItTakesPanel source={source} result={result} />,
        },
        ...(bulletin
          ? [
              {
                key: 'bulletin',
                label: t('evaluation.tab.bulletin'),
                children: <BulletinPanel {...bulletin} result={result} />,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The banner over a draft: not published, with what it was computed from. */
export function DraftBanner({
  draft,
  title,
  description,
  action,
}: {
  draft: DraftEvaluation;
  title: 'evaluation.draft.title' | 'scheme.editor.draftTitle';
  description: ReactNode;
  action?: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="draft-banner"
      title={t(title, { period: formatPeriod(draft.period, locale), scheme: draft.scheme.name })}
      description={description}
      action={action}
    />
  );
}
