import { describe, expect, it } from 'vitest';
import { createActiveTimer } from './active-time.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const IDLE = 5 * MINUTE;

/** a timer on a fake clock that the test moves forward by hand */
function setup(visible = true) {
  let t = 1_000_000;
  const timer = createActiveTimer({ idleMs: IDLE, now: () => t });
  timer.start(visible);
  return { timer, advance: (ms: number) => void (t += ms) };
}

describe('active time', () => {
  it('counts time while the page is visible', () => {
    const { timer, advance } = setup();
    advance(30 * SECOND);
    expect(timer.take()).toBe(30 * SECOND);
  });

  it('resets the count on take, so each take returns only the time since the last', () => {
    const { timer, advance } = setup();
    advance(10 * SECOND);
    expect(timer.take()).toBe(10 * SECOND);
    expect(timer.take()).toBe(0);
    advance(4 * SECOND);
    expect(timer.take()).toBe(4 * SECOND);
  });

  it('counts nothing while the page is hidden', () => {
    const { timer, advance } = setup();
    advance(10 * SECOND);
    timer.pause();
    advance(10 * MINUTE);
    expect(timer.take()).toBe(10 * SECOND);
    advance(MINUTE);
    expect(timer.take()).toBe(0);
  });

  it('counts again once the page is visible again', () => {
    const { timer, advance } = setup();
    advance(10 * SECOND);
    timer.pause();
    advance(MINUTE);
    timer.resume();
    advance(20 * SECOND);
    expect(timer.take()).toBe(30 * SECOND);
  });

  it('counts nothing when started on a hidden page until it becomes visible', () => {
    const { timer, advance } = setup(false);
    advance(MINUTE);
    expect(timer.take()).toBe(0);
    timer.resume();
    advance(15 * SECOND);
    expect(timer.take()).toBe(15 * SECOND);
  });

  it('does not start counting on activity while the page is hidden', () => {
    // a hidden tab can still fire scroll events, e.g. the player scrolling to the resume point
    const { timer, advance } = setup(false);
    timer.activity();
    advance(2 * MINUTE);
    expect(timer.take()).toBe(0);

    const shown = setup(true);
    shown.advance(10 * SECOND);
    shown.timer.pause();
    shown.timer.activity();
    shown.advance(2 * MINUTE);
    expect(shown.timer.take()).toBe(10 * SECOND);
  });

  it('counts an idle stretch up to the idle limit and no further', () => {
    const { timer, advance } = setup();
    advance(30 * MINUTE);
    expect(timer.take()).toBe(IDLE);
    advance(10 * MINUTE);
    expect(timer.take()).toBe(0);
  });

  it('counts an idle stretch up to the limit even when taken in pieces', () => {
    const { timer, advance } = setup();
    advance(2 * MINUTE);
    expect(timer.take()).toBe(2 * MINUTE);
    advance(10 * MINUTE);
    expect(timer.take()).toBe(3 * MINUTE);
  });

  it('keeps counting as long as the learner is active within the idle limit', () => {
    const { timer, advance } = setup();
    for (let i = 0; i < 6; i++) {
      advance(4 * MINUTE);
      timer.activity();
    }
    advance(MINUTE);
    expect(timer.take()).toBe(25 * MINUTE);
  });

  it('resumes counting at the next activity after going idle', () => {
    const { timer, advance } = setup();
    advance(20 * MINUTE);
    timer.activity();
    advance(MINUTE);
    expect(timer.take()).toBe(IDLE + MINUTE);
  });

  it('counts the idle limit, not the whole gap, between two activities far apart', () => {
    const { timer, advance } = setup();
    advance(MINUTE);
    timer.activity();
    advance(20 * MINUTE);
    timer.activity();
    advance(2 * MINUTE);
    expect(timer.take()).toBe(MINUTE + IDLE + 2 * MINUTE);
  });

  it('treats showing the page again as activity after an idle hidden stretch', () => {
    const { timer, advance } = setup();
    timer.pause();
    advance(60 * MINUTE);
    timer.resume();
    advance(MINUTE);
    expect(timer.take()).toBe(MINUTE);
  });
});
