// The working region in the header: the account's region or one below it. Accounts without a
// region (administrators, project owners) see nothing here.
import { EnvironmentOutlined } from '@ant-design/icons';
import { Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { regionTreeData, useRegions } from '../regions';

export function RegionPicker() {
  const { t } = useI18n();
  const regions = useRegions();
  const home = regions.inScope[0];
  const tree = useMemo(
    () => (home ? regionTreeData(regions.inScope, [home.code]) : []),
    [regions.inScope, home],
  );
  if (!regions.working) return null;
  if (regions.inScope.length <= 1)
    return (
      <Space size={4}>
        <EnvironmentOutlined />
        <Typography.Text>{regions.name(regions.working)}</Typography.Text>
      </Space>
    );
  return (
    <TreeSelect
      data-testid="region-picker"
      aria-label={t('shell.region')}
      prefix={<EnvironmentOutlined />}
      value={regions.working}
      treeData={tree}
      treeDefaultExpandedKeys={home ? [home.code] : []}
      onChange={(code: string) => regions.setWorking(code)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      className="sibi-region-picker"
      variant="borderless"
    />
  );
}
