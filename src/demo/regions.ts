// The demo province: Henan as of 2020 (codes from design/henan-regions.csv, GB/T 2260), with an
// approximate centre for each region so project locations fall inside it.

import type { RegionKind, RegionRecord } from '../domain/records.js';

export interface RegionInfo {
  code: string;
  name: string;
  /** Name without the 市/县/区 suffix, used in owner and deal names. */
  short: string;
  kind: RegionKind;
  parentCode: string | null;
  lng: number;
  lat: number;
  /** Half-width in degrees of the box project locations are drawn from. */
  spread: number;
  /** Local rivers, for project names. Counties inherit their city's when empty. */
  rivers: readonly string[];
}

const PROVINCE = '410000';

type Row = readonly [code: string, name: string, short: string, lng: number, lat: number, rivers?: string];

const CITIES: readonly Row[] = [
  ['410100', '郑州市', '郑州', 113.625, 34.746, '贾鲁河,金水河,索须河'],
  ['410200', '开封市', '开封', 114.307, 34.797, '惠济河,涡河'],
  ['410300', '洛阳市', '洛阳', 112.454, 34.619, '伊河,洛河,涧河,瀍河'],
  ['410400', '平顶山市', '平顶山', 113.193, 33.766, '沙河,湛河'],
  ['410500', '安阳市', '安阳', 114.393, 36.098, '洹河,漳河'],
  ['410600', '鹤壁市', '鹤壁', 114.297, 35.748, '淇河,卫河'],
  ['410700', '新乡市', '新乡', 113.927, 35.303, '卫河,共产主义渠'],
  ['410800', '焦作市', '焦作', 113.242, 35.216, '沁河,大沙河'],
  ['410900', '濮阳市', '濮阳', 115.029, 35.762, '金堤河,马颊河'],
  ['411000', '许昌市', '许昌', 113.852, 34.036, '清潩河,颍河'],
  ['411100', '漯河市', '漯河', 114.017, 33.582, '沙河,澧河'],
  ['411200', '三门峡市', '三门峡', 111.2, 34.773, '青龙涧河,宏农涧河'],
  ['411300', '南阳市', '南阳', 112.528, 32.991, '白河,唐河,湍河'],
  ['411400', '商丘市', '商丘', 115.656, 34.415, '包河,沱河'],
  ['411500', '信阳市', '信阳', 114.091, 32.147, '浉河,淮河'],
  ['411600', '周口市', '周口', 114.697, 33.626, '沙颍河,贾鲁河'],
  ['411700', '驻马店市', '驻马店', 114.022, 33.012, '练江河,汝河'],
];

const DIRECT_COUNTIES: readonly Row[] = [
  ['410181', '巩义市', '巩义', 113.022, 34.748, '伊洛河'],
  ['410225', '兰考县', '兰考', 114.821, 34.822, '黄河故道'],
  ['410482', '汝州市', '汝州', 112.845, 34.167, '北汝河'],
  ['410526', '滑县', '滑县', 114.519, 35.575, '金堤河'],
  ['410783', '长垣市', '长垣', 114.669, 35.201, '天然渠'],
  ['411381', '邓州市', '邓州', 112.087, 32.688, '湍河,刁河'],
  ['411481', '永城市', '永城', 116.449, 33.929, '沱河'],
  ['411525', '固始县', '固始', 115.654, 32.168, '史河'],
  ['411628', '鹿邑县', '鹿邑', 115.484, 33.86, '涡河'],
  ['411729', '新蔡县', '新蔡', 114.965, 32.745, '洪河'],
];

/** Counties and districts under a city: Luoyang's all fifteen (2020), a few for three other cities. */
const COUNTIES: readonly (readonly [parent: string, ...row: Row])[] = [
  ['410300', '410302', '老城区', '老城', 112.469, 34.684],
  ['410300', '410303', '西工区', '西工', 112.428, 34.66],
  ['410300', '410304', '瀍河回族区', '瀍河', 112.5, 34.68],
  ['410300', '410305', '涧西区', '涧西', 112.396, 34.658],
  ['410300', '410306', '吉利区', '吉利', 112.589, 34.9],
  ['410300', '410311', '洛龙区', '洛龙', 112.464, 34.619],
  ['410300', '410322', '孟津县', '孟津', 112.445, 34.826],
  ['410300', '410323', '新安县', '新安', 112.132, 34.728],
  ['410300', '410324', '栾川县', '栾川', 111.615, 33.786],
  ['410300', '410325', '嵩县', '嵩县', 112.085, 34.135],
  ['410300', '410326', '汝阳县', '汝阳', 112.473, 34.154],
  ['410300', '410327', '宜阳县', '宜阳', 112.179, 34.515],
  ['410300', '410328', '洛宁县', '洛宁', 111.653, 34.389],
  ['410300', '410329', '伊川县', '伊川', 112.425, 34.421],
  ['410300', '410381', '偃师市', '偃师', 112.789, 34.727],
  ['410100', '410102', '中原区', '中原', 113.613, 34.748],
  ['410100', '410105', '金水区', '金水', 113.66, 34.8],
  ['410100', '410122', '中牟县', '中牟', 113.976, 34.719],
  ['410100', '410184', '新郑市', '新郑', 113.741, 34.396],
  ['410800', '410811', '山阳区', '山阳', 113.255, 35.214],
  ['410800', '410823', '武陟县', '武陟', 113.401, 35.099],
  ['410800', '410825', '温县', '温县', 113.081, 34.94],
  ['411300', '411302', '宛城区', '宛城', 112.54, 33.004],
  ['411300', '411303', '卧龙区', '卧龙', 112.535, 32.986],
  ['411300', '411323', '西峡县', '西峡', 111.474, 33.307],
];

function info(
  row: Row,
  kind: RegionKind,
  parentCode: string | null,
  spread: number,
  inherit: readonly string[],
) {
  const [code, name, short, lng, lat, rivers] = row;
  return {
    code,
    name,
    short,
    kind,
    parentCode,
    lng,
    lat,
    spread,
    rivers: rivers ? rivers.split(',') : inherit,
  } satisfies RegionInfo;
}

function buildTable(): RegionInfo[] {
  const table: RegionInfo[] = [
    info(['410000', '河南省', '河南', 113.665, 34.758, '黄河,淮河'], 'province', null, 1.5, []),
  ];
  for (const row of CITIES) table.push(info(row, 'city', PROVINCE, 0.22, []));
  table.push(
    info(
      ['419001', '济源市（济源示范区）', '济源', 112.602, 35.067, '蟒河,沁河'],
      'demo_zone',
      PROVINCE,
      0.15,
      [],
    ),
  );
  for (const row of DIRECT_COUNTIES) table.push(info(row, 'direct_county', PROVINCE, 0.09, []));
  for (const [parent, ...row] of COUNTIES) {
    const city = table.find((r) => r.code === parent)!;
    table.push(info(row, 'county', parent, 0.07, city.rivers));
  }
  return table;
}

export const REGION_TABLE: readonly RegionInfo[] = buildTable();

const BY_CODE = new Map(REGION_TABLE.map((r) => [r.code, r]));

export function regionInfo(code: string): RegionInfo {
  const r = BY_CODE.get(code);
  if (!r) throw new Error(`unknown demo region ${code}`);
  return r;
}

/** The evaluation units the province ranks: cities, 济源示范区 and the 省直管县(市). */
export const UNIT_CODES: readonly string[] = REGION_TABLE.filter((r) =>
  ['city', 'demo_zone', 'direct_county'].includes(r.kind),
).map((r) => r.code);

/** A unit and the counties under it (the unit itself first). */
export function unitRegions(unitCode: string): RegionInfo[] {
  return [regionInfo(unitCode), ...REGION_TABLE.filter((r) => r.parentCode === unitCode)];
}

export function demoRegions(): RegionRecord[] {
  return REGION_TABLE.map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode, kind: r.kind }));
}
