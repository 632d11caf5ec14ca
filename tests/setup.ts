import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
// component tests render lazily loaded pages directly: every string is there from the start, as after loadStrings
import { i18n } from '../src/i18n/index.ts';
import { zhCNMore } from '../src/i18n/zh-cn-more.ts';
i18n.addResourceBundle('zh-CN', zhCNMore);
