import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StatementCache } from './bulk.ts';

describe('StatementCache', () => {
  it('hands out the same statement for the same text, and a fresh one while it is being iterated', () => {
    const raw = new SQLite(':memory:');
    const c = new StatementCache(raw);
    const text = 'SELECT value FROM json_each(?)';
    const a = c.get(text);
    expect(c.get(text)).toBe(a);
    const it = a.iterate('[1,2,3]');
    it.next();
    const b = c.get(text);
    expect(b).not.toBe(a);
    expect(b.all('[4,5]')).toEqual([{ value: 4 }, { value: 5 }]);
    expect([...it].map((r) => (r as { value: number }).value)).toEqual([2, 3]);
    raw.close();
  });

  it('drops the least recently used statement when full', () => {
    const raw = new SQLite(':memory:');
    const c = new StatementCache(raw, 2);
    const one = c.get('SELECT 1');
    const two = c.get('SELECT 2');
    expect(c.get('SELECT 1')).toBe(one); // now SELECT 2 is the least recently used
    c.get('SELECT 3');
    expect(c.get('SELECT 1')).toBe(one);
    expect(c.get('SELECT 2')).not.toBe(two);
    raw.close();
  });
});
