import { describe, expect, it } from 'vitest';
import { fakeApi } from './fake-api.ts';
import { openLms } from './launch.ts';
import { personName } from './launch-data.ts';
import { createRuntime } from './runtime.ts';

describe('the SCORM runtimes', () => {
  it('call the SCORM 1.2 API by its LMS* names', () => {
    const lms = fakeApi('scorm12', { 'cmi.core.student_id': 'E100' });
    const rt = createRuntime('scorm12', lms.api);
    expect(rt.initialize()).toBe(true);
    expect(rt.get('cmi.core.student_id')).toBe('E100');
    expect(rt.set('cmi.core.lesson_status', 'incomplete')).toBe(true);
    expect(rt.commit()).toBe(true);
    expect(rt.terminate()).toBe(true);
    expect(lms.calls).toEqual(['LMSInitialize', 'LMSGetValue cmi.core.student_id', 'LMSSetValue cmi.core.lesson_status=incomplete', 'LMSCommit', 'LMSFinish']);
  });

  it('call the SCORM 2004 API by its own names', () => {
    const lms = fakeApi('scorm2004');
    const rt = createRuntime('scorm2004', lms.api);
    rt.initialize();
    rt.set('cmi.completion_status', 'incomplete');
    rt.commit();
    rt.terminate();
    expect(lms.calls).toEqual(['Initialize', 'SetValue cmi.completion_status=incomplete', 'Commit', 'Terminate']);
  });

  it('read the error code, its string and the diagnostic when a call fails', () => {
    const lms = fakeApi('scorm2004');
    const rt = createRuntime('scorm2004', lms.api);
    rt.initialize();
    lms.fail('commit', 1, 391);
    expect(rt.commit()).toBe(false);
    expect(rt.lastError).toEqual({ call: 'commit', code: 391, message: 'error 391', diagnostic: 'diagnostic 391' });
    lms.fail('set', 1, 406);
    expect(rt.set('cmi.score.scaled', 'x')).toBe(false);
    expect(rt.lastError).toMatchObject({ call: 'set', element: 'cmi.score.scaled', code: 406 });
  });

  it('take a call that throws, or an API without the call, as a failure', () => {
    const rt = createRuntime('scorm12', { LMSInitialize: () => { throw new Error('LMS gone'); } });
    expect(rt.initialize()).toBe(false);
    expect(rt.lastError?.diagnostic).toContain('LMS gone');
    expect(rt.commit()).toBe(false);
    expect(rt.lastError?.diagnostic).toContain('LMSCommit');
  });
});

describe('the launch', () => {
  it('reads the 1.2 learner, turning “Last, First” round, and the mastery score', () => {
    const lms = fakeApi('scorm12', {
      'cmi.core.student_id': 'E100',
      'cmi.core.student_name': 'Wang, Xiaoming',
      'cmi.core.lesson_location': 'risk/risk-cases',
      'cmi.student_data.mastery_score': '85',
      'cmi.suspend_data': 'Z1abc',
      'cmi.core.entry': 'resume',
    });
    const launch = openLms({ API: lms.api });
    expect(launch).toMatchObject({ kind: 'scorm12', initialized: true, learnerKey: 'lms:E100' });
    expect(launch?.data).toEqual({ learnerId: 'E100', learnerName: 'Xiaoming Wang', location: 'risk/risk-cases', suspendData: 'Z1abc', masteryScore: 85, interactionCount: 0, entry: 'resume' });
  });

  it('reads the 2004 learner, without the language tag, and the scaled passing score as a percentage', () => {
    const lms = fakeApi('scorm2004', { 'cmi.learner_id': 'E7', 'cmi.learner_name': '{lang=zh-CN}王小明', 'cmi.scaled_passing_score': '0.9', 'cmi.interactions.0.id': 'q1', 'cmi.interactions.1.id': 'q2' });
    const launch = openLms({ API_1484_11: lms.api, API: fakeApi('scorm12').api });
    expect(launch?.kind).toBe('scorm2004');
    expect(launch?.data).toMatchObject({ learnerId: 'E7', learnerName: '王小明', masteryScore: 90, interactionCount: 2 });
    expect(launch?.data).not.toHaveProperty('location');
  });

  it('leaves the course’s mastery score when the LMS sets none, and opens nothing without an LMS', () => {
    expect(openLms({ API: fakeApi('scorm12').api })?.data).not.toHaveProperty('masteryScore');
    expect(openLms({})).toBeUndefined();
  });

  it('tries Initialize once more, and reports a launch that could not initialise', () => {
    const lms = fakeApi('scorm12');
    lms.fail('initialize', 1);
    expect(openLms({ API: lms.api })?.initialized).toBe(true);
    lms.fail('initialize', 2);
    const failed = openLms({ API: lms.api });
    expect(failed?.initialized).toBe(false);
    expect(failed?.data).toBeUndefined();
  });

  it.each([
    ['Wang, Xiaoming', 'Xiaoming Wang'],
    ['Li,Na', 'Na Li'],
    ['Madonna', 'Madonna'],
    ['Zhang, ', 'Zhang'],
  ])('shows the 1.2 name %j as %j', (lms, shown) => expect(personName(lms)).toBe(shown));
});
