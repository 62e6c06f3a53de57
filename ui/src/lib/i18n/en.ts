import type { MessageKey } from './zh-CN';

// English. Same keys as zh-CN.ts: the type makes a missing or extra key a compile error.
export const en: Record<MessageKey, string> = {
  'app.name': 'Yishi',
  'app.tagline': 'Community deliberation meetings',
  'app.version': 'Version {version}',
  'locale.label': 'Language',
  'locale.switchTo': '中文',
  'home.title': 'Meetings',
  'home.empty': 'No meetings yet.',
  'home.openProjector': 'Open projector',
  'home.dataDir': 'Data directory: {path}',
  'projector.waiting': 'Waiting for the meeting to start',
  'error.title': 'Not done',
  'error.rule': 'Rule {rule}',
  'common.loading': 'Loading…',
};
