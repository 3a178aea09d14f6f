import { describe, expect, it } from 'vitest';
import { activeNav, navFor } from './nav-items.ts';

describe('navFor', () => {
  it('shows outreach workers only their queue', () => {
    expect(navFor('outreach').map((i) => i.route)).toEqual(['outreach']);
  });
  it('shows auditors only the audit log', () => {
    expect(navFor('auditor').map((i) => i.route)).toEqual(['audit']);
  });
  it('gives analysts investigation screens but not admin', () => {
    const r = navFor('analyst').map((i) => i.route);
    expect(r).toContain('cases');
    expect(r).not.toContain('admin');
    expect(r).toContain('outreach');
  });
  it('highlights the parent list on detail pages', () => {
    expect(activeNav('ad')).toBe('triage');
    expect(activeNav('case')).toBe('cases');
  });
});
