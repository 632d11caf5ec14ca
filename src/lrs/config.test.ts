import { describe, expect, it } from 'vitest';
import { authorizationFrom, launchFrom, lrsSource, normaliseEndpoint, parseActor } from './config.ts';

const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
const REG = '6c3a2f1e-8b7d-4c5a-9e0f-1a2b3c4d5e6f';
const cmi5Actor = JSON.stringify({ objectType: 'Agent', name: 'Li Wei', account: { homePage: 'https://lms.example', name: 'u-42' } });

describe('where the LRS is', () => {
  it('recognises a cmi5 launch by its five parameters and takes the LMS actor', () => {
    const launch = launchFrom(q({ endpoint: 'https://lms.example/lrs', fetch: 'https://lms.example/fetch?k=1', actor: cmi5Actor, registration: REG, activityId: 'https://pub.example/au/1' }));
    expect(launch).toEqual({
      kind: 'cmi5',
      endpoint: 'https://lms.example/lrs/',
      fetch: 'https://lms.example/fetch?k=1',
      actor: { objectType: 'Agent', name: 'Li Wei', account: { homePage: 'https://lms.example', name: 'u-42' } },
      registration: REG,
      activityId: 'https://pub.example/au/1',
    });
  });

  it('does not take a cmi5 launch that lacks a required parameter for one', () => {
    expect(launchFrom(q({ endpoint: 'https://lms.example/lrs/', fetch: 'https://lms.example/fetch', actor: cmi5Actor, registration: REG }))).toBeUndefined();
  });

  it('recognises an xAPI launch with auth, actor, registration and activity_id', () => {
    const launch = launchFrom(q({ endpoint: 'https://lrs.example/xapi/', auth: 'Basic dTpw', actor: '{"name":["Ann"],"mbox":["ann@example.com"]}', registration: REG, activity_id: 'https://c.example/course' }));
    expect(launch).toEqual({ kind: 'xapi', endpoint: 'https://lrs.example/xapi/', auth: 'Basic dTpw', actor: { objectType: 'Agent', name: 'Ann', mbox: 'mailto:ann@example.com' }, registration: REG, activityId: 'https://c.example/course' });
  });

  it('drops a registration that is not a UUID rather than make every statement invalid', () => {
    expect(launchFrom(q({ endpoint: 'https://lrs.example/xapi/', registration: 'abc' }))).toEqual({ kind: 'xapi', endpoint: 'https://lrs.example/xapi/' });
  });

  it('prefers the launch URL to course.yaml, and uses course.yaml when there is no launch', () => {
    const settings = { endpoint: 'https://lrs.acme.cn/xapi', tokenUrl: '/lrs-token' };
    expect(lrsSource(q({ endpoint: 'https://lms.example/x/' }), settings)?.endpoint).toBe('https://lms.example/x/');
    expect(lrsSource('', settings)).toEqual({ kind: 'course', endpoint: 'https://lrs.acme.cn/xapi/', tokenUrl: '/lrs-token' });
    expect(lrsSource('?lang=en', undefined)).toBeUndefined();
  });

  it('accepts only absolute http(s) endpoints', () => {
    expect(normaliseEndpoint('javascript:alert(1)')).toBeUndefined();
    expect(normaliseEndpoint('/xapi/')).toBeUndefined();
    expect(normaliseEndpoint('https://lrs.example/xapi?x=1#y')).toBe('https://lrs.example/xapi/');
  });

  it('reads an actor with one identifier, account first, and refuses one with none', () => {
    expect(parseActor('{"mbox":"mailto:a@b.c","account":{"homePage":"https://h","name":"n"}}')).toEqual({ objectType: 'Agent', account: { homePage: 'https://h', name: 'n' } });
    expect(parseActor('{"name":"nobody"}')).toBeUndefined();
    expect(parseActor('not json')).toBeUndefined();
  });

  it('makes the Authorization header from a cmi5 auth-token or a ready authorization', () => {
    expect(authorizationFrom({ 'auth-token': 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==' })).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(authorizationFrom({ authorization: 'Bearer xyz' })).toBe('Bearer xyz');
    expect(authorizationFrom({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' })).toBeUndefined();
  });
});
