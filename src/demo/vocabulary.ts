// Words the demo generator builds names and texts from. Placeholders in templates:
// {place} region name, {short} region short name, {brand} an invented company word, {product},
// {river}, {road}, {village}, {crop}, {scenic}, {ord} 一/二/三期; numbers: {n} 2–9, {qty}, {mw}, {kv},
// {mu}, {w}, {a} 1–30, {b} 50–900, {c} 5–80. A placeholder used in both the name and the scope of
// a template takes the same value in both.

export const DOMAINS = [
  '先进制造业',
  '现代服务业',
  '基础设施',
  '新型城镇化',
  '生态环保',
  '社会民生',
  '现代农业',
  '能源',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** A project kind: its name, its 建设规模及内容, and its industry (from {product} when absent). */
export interface Template {
  name: string;
  scope: string;
  industry?: readonly [code: string, label: string];
}

export interface DomainSpec {
  domain: Domain;
  /** Relative share among key projects. */
  weight: number;
  /** Probability that the owner is a government body or a state platform company. */
  gov: number;
  templates: readonly Template[];
  /** 形象进度 stages, from just started to nearly done. */
  stages: readonly string[];
  govOwners: readonly string[];
  companyWords: readonly string[];
}

const t = (name: string, scope: string, industry?: readonly [string, string]): Template =>
  industry ? { name, scope, industry } : { name, scope };

const LOGISTICS = ['59', '现代物流'] as const;
const TRADE = ['72', '商贸服务'] as const;
const DIGITAL = ['65', '数字经济'] as const;
const TOURISM = ['87', '文化旅游'] as const;
const ROADS_INDUSTRY = ['48', '交通基础设施'] as const;
const TRANSPORT = ['54', '交通基础设施'] as const;
const WATER = ['46', '市政公用'] as const;
const PUBLIC = ['78', '市政公用'] as const;
const HOUSING = ['47', '城市更新'] as const;
const ECOLOGY = ['77', '生态环保'] as const;
const EDUCATION = ['83', '社会事业'] as const;
const HEALTH = ['84', '社会事业'] as const;
const CULTURE = ['88', '社会事业'] as const;
const SPORT = ['89', '社会事业'] as const;
const FARMING = ['01', '现代农业'] as const;
const LIVESTOCK = ['03', '现代农业'] as const;
const FOOD = ['13', '食品加工'] as const;
const POWER = ['44', '新能源'] as const;
const GAS = ['45', '能源'] as const;

export const DOMAIN_SPECS: readonly DomainSpec[] = [
  {
    domain: '先进制造业',
    weight: 30,
    gov: 0.05,
    templates: [
      t(
        '{place}{brand}{product}智能制造项目',
        '新建智能化生产车间{a}万平方米，购置{product}生产及检测设备{b}台（套）',
      ),
      t('{place}{brand}{product}产业园建设项目', '建设标准化厂房、研发中心及配套设施，总建筑面积{a}万平方米'),
      t(
        '{place}年产{qty}万套{product}生产线项目',
        '建设{product}生产线{n}条，总建筑面积{a}万平方米，达产后年产值约{c}亿元',
      ),
      t('{place}{brand}{product}生产基地项目', '新建{product}生产厂房{a}万平方米及仓储、办公等配套设施'),
      t('{place}{brand}{product}技术改造项目', '改造现有厂房，新增{product}智能化生产线{n}条及配套公用工程'),
      t('{place}{brand}{product}扩能改造项目', '扩建{product}生产车间{a}万平方米，新增产能约{c}%'),
      t(
        '{brand}{product}研发及产业化项目',
        '建设{product}研发中心、中试基地及产业化生产线，总建筑面积{a}万平方米',
      ),
    ],
    stages: [
      '场地平整',
      '桩基施工',
      '厂房基础施工',
      '主体钢结构安装',
      '屋面及墙面围护',
      '设备安装调试',
      '试生产',
    ],
    govOwners: [],
    companyWords: ['智能装备', '新材料科技', '精密机械', '科技', '实业', '电子科技', '生物科技'],
  },
  {
    domain: '现代服务业',
    weight: 13,
    gov: 0.25,
    templates: [
      t('{place}{brand}现代物流园项目', '建设仓储、分拣中心及综合服务用房，总建筑面积{a}万平方米', LOGISTICS),
      t('{place}{brand}冷链物流中心项目', '建设冷库{b}0吨及分拣加工、配送中心', LOGISTICS),
      t('{place}{brand}国际商贸城项目', '建设商业、展示交易及配套设施，总建筑面积{a}万平方米', TRADE),
      t('{place}{brand}城市综合体项目', '建设购物中心、写字楼及酒店，总建筑面积{a}万平方米', TRADE),
      t('{place}电子商务产业园{ord}项目', '建设电商孵化、直播基地及仓配中心，总建筑面积{a}万平方米', DIGITAL),
      t('{place}数字经济产业园{ord}项目', '建设数据中心机房{b}架及研发办公楼{a}万平方米', DIGITAL),
      t(
        '{place}{brand}科技企业孵化园项目',
        '建设孵化楼、中试车间及配套服务设施，总建筑面积{a}万平方米',
        DIGITAL,
      ),
      t('{place}{scenic}文化旅游综合开发项目', '建设游客中心、文化展示区、旅游步道{a}公里及停车场', TOURISM),
      t('{place}{scenic}景区提升改造项目', '提升改造景区道路{a}公里、游客服务中心及智慧景区系统', TOURISM),
    ],
    stages: [
      '土方开挖',
      '基础施工',
      '主体结构施工',
      '主体封顶',
      '幕墙及机电安装',
      '室内装饰装修',
      '室外配套',
    ],
    govOwners: ['{short}文化旅游投资有限公司', '{place}商务局'],
    companyWords: ['物流', '置业', '商业管理', '文化旅游', '供应链管理'],
  },
  {
    domain: '基础设施',
    weight: 17,
    gov: 0.92,
    templates: [
      t(
        '{place}{road}快速化改造工程',
        '改造道路{a}公里，红线宽度{w}米，新建高架桥及雨污水管网、照明、绿化',
        ROADS_INDUSTRY,
      ),
      t(
        '{place}{road}提升改造工程',
        '提升改造道路{a}公里，红线宽度{w}米，含管网、照明及绿化工程',
        ROADS_INDUSTRY,
      ),
      t(
        '{place}{road}延伸段道路工程',
        '新建道路{a}公里，红线宽度{w}米，含桥涵、管网及交通设施',
        ROADS_INDUSTRY,
      ),
      t('{place}{river}大桥建设工程', '新建桥梁{n}座，主桥长约{b}米，引线道路{a}公里', ROADS_INDUSTRY),
      t('{place}城市综合管廊{ord}工程', '建设综合管廊{a}公里，纳入给水、电力、通信等管线', PUBLIC),
      t('{place}第{n}水厂及配套管网工程', '新建供水能力{n}万立方米/日，配套管网{a}公里', WATER),
      t('{place}公交枢纽站建设项目', '建设公交首末站及换乘枢纽，总建筑面积{a}万平方米', TRANSPORT),
      t('{place}智慧停车场建设项目', '建设公共停车泊位{b}个及智慧停车管理系统', TRANSPORT),
      t('{place}5G网络基础设施建设项目', '新建5G基站{b}个及配套传输网络', ['63', '数字经济']),
    ],
    stages: [
      '征地拆迁及管线迁改',
      '路基施工',
      '桥梁下部结构施工',
      '桥梁上部结构施工',
      '管网铺设',
      '路面施工',
      '附属工程',
    ],
    govOwners: [
      '{short}城市发展投资集团有限公司',
      '{short}交通投资集团有限公司',
      '{place}交通运输局',
      '{place}住房和城乡建设局',
      '{place}城市管理局',
    ],
    companyWords: ['建设发展', '交通建设'],
  },
  {
    domain: '新型城镇化',
    weight: 10,
    gov: 0.8,
    templates: [
      t('{place}{village}城中村改造项目', '改造城中村{a}万平方米，建设安置房{b}套及配套设施', HOUSING),
      t(
        '{place}老旧小区改造项目（第{n}批）',
        '改造老旧小区{c}个，涉及住户{b}0户，实施管网、外墙保温、加装电梯等改造',
        HOUSING,
      ),
      t('{place}{village}棚户区改造安置房项目', '建设安置房{b}套，总建筑面积{a}万平方米及配套设施', HOUSING),
      t('{place}{village}片区城市更新项目', '更新改造片区{a}万平方米，完善道路、管网及公共服务设施', PUBLIC),
      t('{place}{village}新型农村社区建设项目', '建设住宅{b}套及社区服务中心、幼儿园等配套设施', HOUSING),
    ],
    stages: ['拆迁安置', '基础施工', '主体结构施工', '主体封顶', '二次结构及装饰装修', '配套工程'],
    govOwners: ['{place}住房和城乡建设局', '{place}人民政府', '{short}城乡建设投资有限公司'],
    companyWords: ['置业', '房地产开发'],
  },
  {
    domain: '生态环保',
    weight: 8,
    gov: 0.8,
    templates: [
      t('{place}{river}综合治理工程', '治理河道{a}公里，建设堤防、生态护岸及滨水绿道', ECOLOGY),
      t('{place}{river}生态廊道建设项目', '建设生态廊道{a}公里，绿化面积{b}亩', ECOLOGY),
      t('{place}第{n}污水处理厂建设项目', '新建污水处理能力{n}万吨/日，配套管网{a}公里', WATER),
      t('{place}生活垃圾焚烧发电项目', '建设日处理生活垃圾{b}吨焚烧发电厂及配套设施', PUBLIC),
      t('{place}餐厨垃圾处理项目', '建设日处理餐厨垃圾{c}0吨处理厂', PUBLIC),
      t('{place}矿山生态修复项目（{ord}）', '修复治理面积{b}亩，实施边坡治理和植被恢复', ECOLOGY),
      t('{place}国土绿化提速项目', '新增造林绿化面积{b}0亩，实施廊道绿化和森林抚育', ECOLOGY),
    ],
    stages: ['清淤疏浚', '土方工程', '主体构筑物施工', '设备安装', '绿化工程', '联动调试'],
    govOwners: ['{place}水利局', '{place}生态环境局', '{place}城市管理局', '{short}水务集团有限公司'],
    companyWords: ['环保科技', '环境工程'],
  },
  {
    domain: '社会民生',
    weight: 10,
    gov: 0.9,
    templates: [
      t('{place}人民医院新院区建设项目', '总建筑面积{a}万平方米，设置床位{b}张及医技、后勤配套', HEALTH),
      t('{place}中医院门诊综合楼项目', '建设门诊医技综合楼{a}万平方米，新增床位{b}张', HEALTH),
      t('{place}妇幼保健院迁建项目', '总建筑面积{a}万平方米，设置床位{b}张', HEALTH),
      t('{place}公共卫生应急中心项目', '建设疾控实验楼、应急物资储备库，总建筑面积{a}万平方米', HEALTH),
      t('{place}第{n}高级中学建设项目', '建设教学楼、实验楼、宿舍及运动场，办学规模{b}0人', EDUCATION),
      t('{place}职业教育园区{ord}项目', '建设实训楼、教学楼及学生公寓，总建筑面积{a}万平方米', EDUCATION),
      t('{place}{village}小学建设项目', '建设教学楼、综合楼及运动场，办学规模{n}0个班', EDUCATION),
      t('{place}{brand}养老服务中心项目', '建设养老床位{b}张及康复护理、活动中心', ['85', '社会事业']),
      t('{place}全民健身中心项目', '建设综合馆、训练馆及室外健身场地，总建筑面积{a}万平方米', SPORT),
      t('{place}图书馆新馆建设项目', '总建筑面积{a}万平方米，藏书能力{c}0万册', CULTURE),
    ],
    stages: [
      '基坑支护及土方开挖',
      '基础施工',
      '主体结构施工',
      '主体封顶',
      '二次结构及装饰装修',
      '机电安装',
      '室外配套',
    ],
    govOwners: [
      '{place}卫生健康委员会',
      '{place}教育局',
      '{place}民政局',
      '{place}体育局',
      '{place}人民政府',
    ],
    companyWords: ['健康产业', '教育发展'],
  },
  {
    domain: '现代农业',
    weight: 6,
    gov: 0.35,
    templates: [
      t('{place}{crop}现代农业产业园项目', '建设{crop}标准化种植基地{b}0亩及加工、仓储、冷链设施', FARMING),
      t(
        '{place}高标准农田建设项目（{mu}万亩）',
        '建设高标准农田{mu}万亩，配套灌溉、田间道路及农田防护林',
        FARMING,
      ),
      t('{place}{crop}种植示范基地项目', '建设{crop}标准化种植基地{b}亩及分拣、冷藏设施', FARMING),
      t('{place}{brand}生猪养殖项目', '建设标准化猪舍{a}万平方米，年出栏生猪{c}万头', LIVESTOCK),
      t('{place}{crop}精深加工项目', '新建加工车间{a}万平方米，年加工{crop}{c}万吨', FOOD),
      t('{place}农产品冷链物流项目', '建设冷库{b}0吨及农产品交易、配送中心', LOGISTICS),
    ],
    stages: ['土地整理', '田间工程', '厂房基础施工', '主体施工', '设备安装', '试运行'],
    govOwners: ['{place}农业农村局'],
    companyWords: ['农业开发', '食品', '牧业', '农业科技'],
  },
  {
    domain: '能源',
    weight: 6,
    gov: 0.2,
    templates: [
      t('{place}{mw}兆瓦风电项目', '装机容量{mw}兆瓦，安装风电机组{c}台，建设升压站及集电线路{a}公里', POWER),
      t('{place}{mw}兆瓦光伏发电项目', '装机容量{mw}兆瓦，建设光伏阵列及升压站', POWER),
      t('{place}抽水蓄能电站项目', '装机容量{b}0兆瓦，建设上下水库、输水系统及地下厂房', POWER),
      t('{place}热电联产项目', '建设{n}台背压式供热机组及供热管网{a}公里', POWER),
      t('{place}储能电站项目', '建设储能规模{c}0兆瓦时的电化学储能电站', POWER),
      t('{place}{kv}千伏输变电工程', '新建{kv}千伏变电站{n}座，线路{a}公里', POWER),
      t('{place}新能源汽车充电站建设项目', '建设充电站{c}座、充电桩{b}个', POWER),
      t('{place}天然气管网建设项目（{ord}）', '敷设天然气管道{a}公里，建设门站及调压站', GAS),
    ],
    stages: ['场地平整', '基础施工', '设备基础浇筑', '设备吊装', '电气安装', '调试并网'],
    govOwners: ['{place}发展和改革委员会'],
    companyWords: ['新能源', '能源科技', '电力', '燃气'],
  },
];

export const DOMAIN_BY_NAME: ReadonlyMap<Domain, DomainSpec> = new Map(
  DOMAIN_SPECS.map((d) => [d.domain, d]),
);

/** Manufactured products with their 国民经济行业分类 division and 所属产业 label. */
export const PRODUCTS: readonly (readonly [product: string, code: string, label: string])[] = [
  ['高端轴承', '34', '装备制造'],
  ['智能装备', '34', '装备制造'],
  ['工业机器人', '34', '装备制造'],
  ['数控机床', '34', '装备制造'],
  ['精密齿轮', '34', '装备制造'],
  ['矿山装备', '35', '装备制造'],
  ['农机装备', '35', '装备制造'],
  ['医疗器械', '35', '生物医药'],
  ['新能源汽车零部件', '36', '汽车及零部件'],
  ['航空零部件', '37', '装备制造'],
  ['轨道交通装备', '37', '装备制造'],
  ['锂电池材料', '38', '新能源装备'],
  ['动力电池', '38', '新能源装备'],
  ['光伏组件', '38', '新能源装备'],
  ['氢燃料电池', '38', '新能源装备'],
  ['智能家居', '38', '智能家电'],
  ['单晶硅片', '39', '电子信息'],
  ['智能传感器', '39', '电子信息'],
  ['5G通信设备', '39', '电子信息'],
  ['电子元器件', '39', '电子信息'],
  ['生物医药', '27', '生物医药'],
  ['化工新材料', '26', '新材料'],
  ['石墨烯材料', '26', '新材料'],
  ['碳纤维复合材料', '28', '新材料'],
  ['高端耐火材料', '30', '新材料'],
  ['新型建材', '30', '新材料'],
  ['超硬材料', '30', '新材料'],
  ['特种钢材', '31', '新材料'],
  ['钼钨新材料', '32', '新材料'],
  ['铝精深加工', '32', '新材料'],
];

export const BRANDS = [
  '华鼎',
  '誉达',
  '博瑞',
  '德润',
  '智联',
  '恒达',
  '永泰',
  '锦程',
  '众合',
  '鼎盛',
  '瑞丰',
  '宏远',
  '金源',
  '嘉禾',
  '天润',
  '新锐',
  '卓越',
  '恒昌',
  '同创',
  '晟通',
  '正和',
  '中宇',
  '汇川',
  '安泰',
  '润达',
  '盛隆',
  '聚鑫',
  '明阳',
  '凯源',
  '通达',
  '亿博',
  '华晨',
  '信达',
  '宏业',
  '天佑',
  '中恒',
];

export const ROADS = [
  '迎宾大道',
  '工业大道',
  '新区大道',
  '科技大道',
  '创业路',
  '建设路',
  '人民路',
  '文化路',
  '滨河路',
  '环城北路',
  '环城南路',
  '东环路',
  '西环路',
  '产业大道',
  '兴业路',
  '学府路',
  '长兴路',
  '朝阳路',
];

export const VILLAGES = [
  '东关',
  '西关',
  '南关',
  '北关',
  '王庄',
  '李村',
  '张营',
  '刘寨',
  '周庄',
  '马坡',
  '杨湾',
  '孙店',
  '白马',
  '柳林',
  '石桥',
  '河湾',
  '东城',
  '西城',
  '老街',
  '新华',
];

export const CROPS = ['小麦', '花生', '红薯', '中药材', '蔬菜', '食用菌', '茶叶', '林果', '芝麻', '艾草'];

export const SCENIC = [
  '古镇',
  '山水',
  '温泉',
  '湿地公园',
  '红色文化',
  '田园综合体',
  '森林公园',
  '民俗文化村',
];

export const ORDINALS = ['一期', '二期', '三期'];

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '董',
  '程',
  '曹',
  '袁',
  '许',
  '沈',
  '彭',
  '吕',
  '苏',
  '蒋',
  '贾',
  '丁',
  '魏',
  '薛',
  '范',
  '常',
  '牛',
  '史',
  '侯',
  '段',
  '孟',
];

export const GIVEN_CHARS = [
  '建',
  '国',
  '华',
  '明',
  '伟',
  '志',
  '强',
  '军',
  '平',
  '立',
  '新',
  '红',
  '敏',
  '静',
  '丽',
  '海',
  '涛',
  '斌',
  '勇',
  '辉',
  '文',
  '宏',
  '晓',
  '春',
  '东',
  '振',
  '玉',
  '学',
  '德',
  '保',
  '彦',
  '卫',
  '鹏',
  '俊',
  '亚',
  '慧',
];

/** 联审联批 items: name, department suffix, statutory days from submission to the due date. */
export const APPROVAL_ITEMS: readonly (readonly [item: string, department: string, days: number])[] = [
  ['可行性研究报告批复', '发展和改革委员会', 20],
  ['用地预审与选址意见书', '自然资源和规划局', 20],
  ['建设用地规划许可证', '自然资源和规划局', 15],
  ['建设工程规划许可证', '自然资源和规划局', 15],
  ['环境影响评价批复', '生态环境局', 30],
  ['节能审查意见', '发展和改革委员会', 20],
  ['水土保持方案批复', '水利局', 20],
  ['施工图审查合格书', '住房和城乡建设局', 15],
  ['建筑工程施工许可证', '住房和城乡建设局', 7],
  ['消防设计审查意见', '住房和城乡建设局', 15],
  ['社会稳定风险评估备案', '政法委员会', 15],
  ['初步设计批复', '发展和改革委员会', 20],
];

/** 问题协调: category, description templates, responsible unit templates ({place}, {short}). */
export const ISSUE_KINDS: readonly (readonly [
  category: string,
  descriptions: readonly string[],
  units: readonly string[],
])[] = [
  [
    '用地保障',
    ['项目用地指标约{b}亩尚未落实', '土地组卷报批进度滞后，影响供地', '项目用地涉及基本农田调整，需协调解决'],
    ['{place}自然资源和规划局'],
  ],
  [
    '征地拆迁',
    ['红线范围内尚有{n}户未完成拆迁', '地上附着物补偿存在争议，影响进场施工', '涉及{n}处坟地迁移尚未完成'],
    ['{place}人民政府', '{place}征收办'],
  ],
  [
    '资金筹措',
    ['项目资本金到位不足，缺口约{a}亿元', '专项债券资金尚未拨付到位', '银行贷款审批进度慢，融资缺口较大'],
    ['{place}财政局', '{place}发展和改革委员会', '{place}金融工作局'],
  ],
  [
    '手续办理',
    ['环评批复尚未取得，影响开工', '施工许可证办理进度滞后', '规划方案调整需重新审批'],
    ['{place}生态环境局', '{place}住房和城乡建设局', '{place}自然资源和规划局'],
  ],
  [
    '要素保障',
    [
      '施工临时用电线路接入未完成',
      '天然气管道接入需协调',
      '施工用水接入滞后',
      '砂石等建材供应紧张，价格上涨',
    ],
    ['国网{short}供电公司', '{short}燃气有限公司', '{place}城市管理局', '{place}工业和信息化局'],
  ],
  [
    '施工组织',
    ['受大气污染防治管控影响，土方作业暂停{n}天', '施工队伍力量不足，进度滞后', '受疫情影响外地工人返岗不足'],
    ['{place}生态环境局', '{place}住房和城乡建设局'],
  ],
];

export const RESERVE_MATURITY = ['可研已批复', '可研编制中', '项目建议书阶段', '初步谋划'] as const;

export const INVESTOR_PLACES_OUT = [
  '深圳',
  '上海',
  '北京',
  '杭州',
  '广州',
  '苏州',
  '南京',
  '天津',
  '厦门',
  '宁波',
  '青岛',
  '成都',
];
export const INVESTOR_PLACES_ABROAD = ['香港', '新加坡', '德国', '日本', '韩国', '澳门'];
export const INVESTOR_SUFFIXES = ['集团有限公司', '股份有限公司', '控股集团有限公司', '有限公司'];
