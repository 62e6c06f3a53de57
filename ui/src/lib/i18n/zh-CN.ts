// Simplified Chinese: the default locale. Every string the UI shows is here (and in en.ts).
// Terms follow the Shenzhen guideline (深圳市基层议事协商工作指引).
export const zhCN = {
  'app.name': '议事',
  'app.tagline': '基层议事协商会议',
  'app.version': '版本 {version}',
  'locale.label': '语言',
  'locale.switchTo': 'English',
  'home.title': '会议',
  'home.empty': '还没有会议。',
  'home.openProjector': '打开投影',
  'home.dataDir': '数据目录：{path}',
  'projector.waiting': '等待会议开始',
  'error.title': '操作未完成',
  'error.rule': '依据 {rule}',
  'common.loading': '加载中…',
} as const;

export type MessageKey = keyof typeof zhCN;
