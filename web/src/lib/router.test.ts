import { describe, expect, it } from 'vitest';
import { canOpen, homeFor, matchRoute, safeNext } from './router.ts';

describe('router', () => {
  it('matches static and parameterised paths', () => {
    expect(matchRoute('/triage')).toEqual({ name: 'triage', params: {} });
    expect(matchRoute('/ads/42/')).toEqual({ name: 'ad', params: { id: '42' } });
    expect(matchRoute('/networks/N%20001')).toEqual({ name: 'network', params: { id: 'N 001' } });
    expect(matchRoute('/nope').name).toBe('notFound');
    expect(matchRoute('/ads').name).toBe('notFound');
  });

  it('keeps outreach workers out of investigation screens', () => {
    expect(canOpen('outreach', 'outreach')).toBe(true);
    expect(canOpen('outreach', 'case')).toBe(false);
    expect(canOpen('outreach', 'triage')).toBe(false);
    expect(canOpen('auditor', 'audit')).toBe(true);
    expect(canOpen('auditor', 'ad')).toBe(false);
    expect(canOpen('analyst', 'admin')).toBe(false);
    expect(canOpen('admin', 'admin')).toBe(true);
    expect(canOpen('admin', 'ad')).toBe(false);
    expect(canOpen('admin', 'stats')).toBe(true);
  });

  it('sends each role home and refuses unsafe post-login destinations', () => {
    expect(homeFor('outreach')).toBe('/outreach');
    expect(safeNext('/cases/3', 'analyst')).toBe('/cases/3');
    expect(safeNext('/cases/3', 'outreach')).toBe('/outreach');
    expect(safeNext('//evil.example', 'analyst')).toBe('/triage');
    expect(safeNext('https://evil.example', 'analyst')).toBe('/triage');
    expect(safeNext('/search?q=1', 'analyst')).toBe('/search?q=1');
  });
});
