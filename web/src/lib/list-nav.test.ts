import { describe, expect, it } from 'vitest';
import { type ListNavState, keyToCommand, listNav } from './list-nav.ts';

const start: ListNavState = { cursor: -1, selected: new Set() };

describe('listNav', () => {
  it('moves within bounds', () => {
    let s = listNav(start, { type: 'next' }, 3);
    expect(s.cursor).toBe(0);
    s = listNav(listNav(listNav(s, { type: 'next' }, 3), { type: 'next' }, 3), { type: 'next' }, 3);
    expect(s.cursor).toBe(2);
    s = listNav(s, { type: 'prev' }, 3);
    expect(s.cursor).toBe(1);
    expect(listNav(start, { type: 'prev' }, 0).cursor).toBe(-1);
  });
  it('toggles selection and select-all flips', () => {
    let s = listNav(start, { type: 'toggle', id: 'a' }, 2);
    expect([...s.selected]).toEqual(['a']);
    s = listNav(s, { type: 'selectAll', ids: ['a', 'b'] }, 2);
    expect([...s.selected].sort()).toEqual(['a', 'b']);
    s = listNav(s, { type: 'selectAll', ids: ['a', 'b'] }, 2);
    expect(s.selected.size).toBe(0);
  });
  it('maps keys, ignoring typing in fields', () => {
    expect(keyToCommand('j', { inField: false, modifier: false })).toBe('next');
    expect(keyToCommand('k', { inField: false, modifier: false })).toBe('prev');
    expect(keyToCommand('Enter', { inField: false, modifier: false })).toBe('open');
    expect(keyToCommand('j', { inField: true, modifier: false })).toBeNull();
    expect(keyToCommand('j', { inField: false, modifier: true })).toBeNull();
  });
});
