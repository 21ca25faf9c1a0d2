// 挂图作战 (GET /api/map): for the working region and a month (by default the latest with reports),
// its projects on a map — coloured by 红黄绿灯, shaped by stage — over its child units shaded by
// completion rate of the annual plan inside schematic outlines (示意边界). A click on a point opens
// the project; a click on a unit makes it the working region (the header's picker follows).
import { Alert, Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import { api } from '../api/client';
import type { MapChild, RegionMapData } from '../api/map-types';
import { useApiQuery } from '../api/query';
import { MapLegend } from '../components/map-legend';
import { RegionMap } from '../components/region-map';
import { MonthPicker, RegionMonthPage, useRegionMonth } from '../components/region-month';
import { Async, EmptyState } from '../components/states';
import { formatAmount, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';

export default function MapPage() {
  const { t } = useI18n();
  const regions = useRegions();
  if (!regions.working) return <EmptyState text={t('dashboard.noRegion')} />;
  return <RegionMapPage region={regions.working} />;
}

function RegionMapPage({ region }: { region: string }) {
  const { t } = useI18n();
  const regions = useRegions();
  const month = useRegionMonth(region);
  const { period } = month;
  const map = useApiQuery(['/api/map', region, period], (signal) =>
    period ? api.get<RegionMapData>('/api/map', { region, period }, signal) : Promise.resolve(null),
  );
  const parent = regions.byCode.get(region)?.parentCode;
  const canGoUp = parent && regions.inScope.some((r) => r.code === parent);

  const extra = (
    <Space wrap>
      {canGoUp && <Button onClick={() => regions.setWorking(parent)}>{t('map.up')}</Button>}
      <MonthPicker month={month} />
    </Space>
  );

  return (
    <RegionMonthPage title={t('map.title')} region={region} month={month} extra={extra}>
      {() => (
        <Async state={map}>
          {(data) => (data ? <MapView data={data} onRegion={regions.setWorking} /> : <EmptyState />)}
        </Async>
      )}
    </RegionMonthPage>
  );
}

function MapView({ data, onRegion }: { data: RegionMapData; onRegion: (code: string) => void }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const ranked = [...data.children].sort(
    (a, b) =>
      (b.completionRate ?? -1) - (a.completionRate ?? -1) || a.region.code.localeCompare(b.region.code),
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={17}>
        <Card
          size="small"
          title={
            <Space>
              {data.region.name}
              <Typography.Text type="secondary" data-testid="schematic-label">
                {t('map.schematic')}
              </Typography.Text>
            </Space>
          }
          extra={<Typography.Text type="secondary">{t('map.clickHint')}</Typography.Text>}
        >
          {data.points.length === 0 && data.outlines.features.length === 0 ? (
            <EmptyState text={t('map.noPoints')} />
          ) : (
            <RegionMap data={data} height="calc(100vh - 260px)" onRegion={onRegion} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('map.legend')} data-testid="map-legend">
            <MapLegend />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('map.shading')}
            </Typography.Paragraph>
          </Card>
          <Alert type="info" showIcon message={t('map.schematic')} description={t('map.schematicNote')} />
          {data.unlocatedProjects > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('map.unlocatedProjects', { count: data.unlocatedProjects })}
            />
          )}
          {data.unlocatedChildren.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('map.unlocatedChildren', {
                names: data.unlocatedChildren.map((code) => regions.name(code)).join('、'),
              })}
            />
          )}
          {ranked.length > 0 && (
            <Card size="small" title={t('map.units')}>
              <Table<MapChild>
                size="small"
                pagination={false}
                scroll={{ y: 'calc(100vh - 620px)' }}
                rowKey={(c) => c.region.code}
                dataSource={ranked}
                // Rows open their region by keyboard too (which also lets the scrolled body take focus).
                onRow={(c) => ({
                  onClick: () => onRegion(c.region.code),
                  onKeyDown: (event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      onRegion(c.region.code);
                    }
                  },
                  tabIndex: 0,
                  style: { cursor: 'pointer' },
                })}
                columns={[
                  { title: t('map.unit'), render: (_, c) => c.region.name },
                  {
                    title: t('map.completionRate'),
                    align: 'right',
                    render: (_, c) => formatPercent(c.completionRate),
                  },
                  {
                    title: t('map.investYtd'),
                    align: 'right',
                    render: (_, c) => formatAmount(c.investYtd, locale),
                  },
                ]}
              />
            </Card>
          )}
        </Space>
      </Col>
    </Row>
  );
}
