// The map's legend: a point's shape is its stage, its colour its 红黄绿灯.
import type { CSSProperties, JSX } from 'react';
import type { LightLevel, ProjectStage } from '../api/map-types';
import { useI18n } from '../i18n';
import { LEVEL_COLOUR, STAGES } from './region-map';

const LEVELS: LightLevel[] = ['red', 'yellow', 'green'];

function Shape({ stage, colour }: { stage: ProjectStage; colour: string }) {
  const shapes: Record<ProjectStage, JSX.Element> = {
    preparatory: <polygon points="7,1 13,7 7,13 1,7" />,
    not_started: <polygon points="7,1 13,13 1,13" />,
    under_construction: <circle cx="7" cy="7" r="6" />,
    completed: <rect x="1.5" y="1.5" width="11" height="11" />,
  };
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 14 14"
      fill={colour}
      aria-hidden="true"
      style={{ verticalAlign: '-2px' }}
    >
      {shapes[stage]}
    </svg>
  );
}

export function MapLegend({ dark = false }: { dark?: boolean }) {
  const { t } = useI18n();
  const neutral = dark ? '#9fb3d1' : '#6b7280';
  const row: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '4px 14px', alignItems: 'center' };
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <div style={row}>
        <strong>{t('map.stage')}</strong>
        {STAGES.map((stage) => (
          <span key={stage}>
            <Shape stage={stage} colour={neutral} /> {t(`map.stage.${stage}`)}
          </span>
        ))}
      </div>
      <div style={row}>
        <strong>{t('map.light')}</strong>
        {LEVELS.map((level) => (
          <span key={level}>
            <Shape stage="under_construction" colour={LEVEL_COLOUR[level]} /> {t(`warnings.level.${level}`)}
          </span>
        ))}
      </div>
    </div>
  );
}
