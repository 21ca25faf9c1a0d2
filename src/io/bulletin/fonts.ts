// The fonts GB/T 9704 names for official documents, and what to fall back to on machines without them:
// Windows ships 宋体/仿宋/黑体/楷体 (SimSun, FangSong, SimHei, KaiTi); Linux usually has Noto CJK.

/** CSS font stacks, first choice first. */
export const FONT_STACKS = {
  /** 标题: 2号方正小标宋简体. */
  title: [
    '方正小标宋简体',
    'FZXiaoBiaoSong-B05S',
    '方正小标宋_GBK',
    '华文中宋',
    'STZhongsong',
    'SimSun',
    '宋体',
    'Songti SC',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    'serif',
  ],
  /** 正文: 3号仿宋_GB2312. */
  fangsong: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    'STFangsong',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    'serif',
  ],
  /** 一级标题: 黑体. */
  hei: ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  /** 二级标题: 楷体_GB2312. */
  kai: [
    '楷体_GB2312',
    'KaiTi_GB2312',
    '楷体',
    'KaiTi',
    'STKaiti',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    'serif',
  ],
  /** 页码: 4号半角宋体. */
  song: ['宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'serif'],
} as const;

/**
 * Word fonts. A run names one font per script (w:rFonts), so the fallback is declared in the font
 * table instead (word/fontTable.xml, put into the package through Packer's documented `overrides`:
 * the docx library's own font table only embeds font files): each official font gets w:altName (the
 * font Word substitutes when the first is missing: 方正小标宋简体 → 华文中宋 → SimSun, 仿宋_GB2312 →
 * 仿宋 → FangSong), the GB2312 charset (86), family and panose. LibreOffice (7.4) ignores altName and
 * asks fontconfig for the missing name in the run's language (zh-CN): on Linux with fonts-noto-cjk
 * that resolves to Noto Sans CJK SC (checked by office.test.ts, which converts the docx to PDF).
 * Latin text and digits use Times New Roman, as official documents do.
 */
export interface WordFont {
  /** East Asian font named in the runs. */
  eastAsia: string;
  /** w:altName in word/fontTable.xml. */
  altName: string;
  family: 'roman' | 'swiss' | 'modern' | 'auto';
  panose: string;
}

export const WORD_FONTS = {
  title: { eastAsia: '方正小标宋简体', altName: '华文中宋', family: 'roman', panose: '02000000000000000000' },
  fangsong: { eastAsia: '仿宋_GB2312', altName: '仿宋', family: 'modern', panose: '02010609060101010101' },
  hei: { eastAsia: '黑体', altName: 'SimHei', family: 'modern', panose: '02010609060101010101' },
  kai: { eastAsia: '楷体_GB2312', altName: '楷体', family: 'modern', panose: '02010609060101010101' },
  song: { eastAsia: '宋体', altName: 'SimSun', family: 'auto', panose: '02010600030101010101' },
} as const satisfies Record<string, WordFont>;

export const LATIN_FONT = 'Times New Roman';

/** Fallbacks a machine may have, listed in the font table so that the names travel with the file. */
export const FALLBACK_FONTS = [
  { name: '华文中宋', altName: 'SimSun', family: 'roman', panose: '02010600040101010101' },
  { name: 'SimSun', altName: '宋体', family: 'auto', panose: '02010600030101010101' },
  { name: '仿宋', altName: 'FangSong', family: 'modern', panose: '02010609060101010101' },
  { name: '楷体', altName: 'KaiTi', family: 'modern', panose: '02010609060101010101' },
  {
    name: 'Noto Serif CJK SC',
    altName: 'Source Han Serif SC',
    family: 'roman',
    panose: '02020400000000000000',
  },
  {
    name: 'Noto Sans CJK SC',
    altName: 'Source Han Sans SC',
    family: 'swiss',
    panose: '020B0500000000000000',
  },
] as const;
