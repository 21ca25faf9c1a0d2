// regions: 地区代码, 地区名称, 上级代码, 地区类型.

import type { RegionKind, RegionRecord } from '../../domain/records';
import { enumOf, regionCode, text } from '../cells';
import { columnsOf, type KindSpec, optional, required } from './types';

const regionKind = enumOf<RegionKind>(
  [
    ['province', '省'],
    ['city', '省辖市', '地级市'],
    ['demo_zone', '示范区'],
    ['direct_county', '省直管县', '省直管县(市)', '省直管县市'],
    ['county', '县区', '县(市、区)', '县市区', '县', '区'],
  ],
  '地区类型',
);

const c = columnsOf<RegionRecord>();

export const regionsSpec: KindSpec<RegionRecord> = {
  kind: 'regions',
  title: '地区',
  key: ['code'],
  columns: [
    c('code', '地区代码', required(regionCode), ['行政区划代码', '区划代码']),
    c('name', '地区名称', required(text), ['行政区划名称', '区划名称']),
    c('parentCode', '上级代码', optional(regionCode), ['上级地区代码', '上级区划代码']),
    c('kind', '地区类型', required(regionKind), ['类型']),
  ],
};
