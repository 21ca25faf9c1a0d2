// The roles' names in Chinese and English (the roles and their rules: src/policies/roles.ts, which
// checks that every role has its name here).
export const ROLE_NAMES = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
  province_officer: { zh: '省级管理员', en: 'Province officer' },
  city_officer: { zh: '市级管理员', en: 'City officer' },
  county_officer: { zh: '县级管理员', en: 'County officer' },
  project_owner: { zh: '项目单位', en: 'Project owner' },
  leader: { zh: '分包领导', en: 'Supervising leader' },
  viewer: { zh: '查看者', en: 'Viewer' },
} as const;
