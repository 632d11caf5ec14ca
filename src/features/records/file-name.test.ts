import { describe, expect, test } from 'vitest';
import { fileName, type FileNameParts } from './file-name.ts';

const parts = (p: Partial<FileNameParts> = {}): FileNameParts => ({ courseId: 'zhixing-compliance', learnerName: '李明', date: '2026-03-02', kind: 'scorm12', extension: 'json', ...p });
/** what Windows (and macOS, for : and /) refuses in a file name */
const rejected = (name: string) => /[<>:"/\\|?*\p{Cc}]/u.test(name) || /[. ]$/.test(name) || /^\./.test(name);

describe('a record file name', () => {
  test('carries the course id, the learner, the date and the format', () => {
    expect(fileName(parts())).toBe('zhixing-compliance_李明_2026-03-02_scorm12.json');
    expect(fileName(parts({ employeeId: 'E1024', kind: 'summary', extension: 'csv' }))).toBe('zhixing-compliance_李明-E1024_2026-03-02_summary.csv');
  });

  test('replaces the characters Windows or macOS reject, and spaces', () => {
    const name = fileName(parts({ learnerName: 'Li: "Ming" <A/B\\C> | ? * \t', employeeId: 'HR/2024:07' }));
    expect(rejected(name)).toBe(false);
    expect(name).toBe('zhixing-compliance_Li-Ming-A-B-C-HR-2024-07_2026-03-02_scorm12.json');
  });

  test('never starts with a dot or ends a part with a dot or space', () => {
    const name = fileName(parts({ learnerName: '...hidden. ' }));
    expect(name).toBe('zhixing-compliance_hidden_2026-03-02_scorm12.json');
  });

  test('does not use a Windows device name as the learner part', () => {
    expect(fileName(parts({ learnerName: 'CON' }))).toBe('zhixing-compliance_CON-_2026-03-02_scorm12.json');
  });

  test('names an unnamed learner "learner" and keeps a long name short', () => {
    expect(fileName(parts({ learnerName: '  ' }))).toBe('zhixing-compliance_learner_2026-03-02_scorm12.json');
    const long = fileName(parts({ learnerName: '张'.repeat(200) }));
    expect(Array.from(long).length).toBeLessThanOrEqual(90);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(255);
  });
});
