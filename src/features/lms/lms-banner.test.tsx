import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../i18n/index.ts';
import { scorm12 } from '../../lms/data-model.ts';
import { fakeApi } from '../../lms/fake-api.ts';
import { createRuntime } from '../../lms/runtime.ts';
import { createSession, type LmsSession } from '../../lms/session.ts';
import { setLmsLink } from '../../lms/status.ts';
import LmsBanner from './lms-banner.tsx';

let session: LmsSession | undefined;
afterEach(() => {
  act(() => setLmsLink(undefined));
  session?.dispose();
  vi.restoreAllMocks();
});

function linked() {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const lms = fakeApi('scorm12');
  session = createSession({ runtime: createRuntime('scorm12', lms.api), model: scorm12, initialized: true, showAfter: 2, baseRetryMs: 60_000 });
  const s = session;
  act(() => setLmsLink({ status: s.status, subscribe: s.subscribe, retry: s.retry }));
  return { lms, s };
}

describe('the LMS banner', () => {
  test('shows nothing outside an LMS or while the LMS answers', () => {
    const { container } = render(<LmsBanner />);
    expect(container).toBeEmptyDOMElement();
    const { s } = linked();
    act(() => s.update({ 'cmi.core.lesson_status': 'incomplete' }));
    expect(container).toBeEmptyDOMElement();
  });

  test('says the LMS failed, that nothing is lost, and tries again at once when asked; then says all was sent', async () => {
    const user = userEvent.setup();
    const { lms, s } = linked();
    render(<LmsBanner />);
    lms.fail('commit', 2);
    act(() => s.update({ 'cmi.core.lesson_status': 'incomplete' }));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => void s.retry());
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('与学习平台（LMS）的连接失败，正在重试。不会丢失任何内容');
    await user.click(screen.getByRole('button', { name: '立即重试' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('已重新连接学习平台，所有内容均已发送。');
    expect(lms.committed['cmi.core.lesson_status']).toBe('incomplete');
  });

  test('tells the learner when action-plan text is kept on this device only', () => {
    const { s } = linked();
    render(<LmsBanner />);
    act(() => s.setKeptLocally(2));
    expect(screen.getByRole('status')).toHaveTextContent('行动计划中有 2 条内容过长');
    expect(screen.getByRole('region', { name: '学习平台' })).toBeInTheDocument();
  });
});
