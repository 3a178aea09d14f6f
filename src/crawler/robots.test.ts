import { describe, expect, it } from 'vitest';
import { parseRobots, robotsMatch } from './robots.ts';

describe('robots.txt', () => {
  const txt = `# test
User-agent: OtherBot
Disallow: /

User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/ok
Crawl-delay: 2
`;
  it('applies the * group with longest-match precedence', () => {
    const r = parseRobots(txt, 'VigieBot/0.1');
    expect(r.allows('/annonce/1.html')).toBe(true);
    expect(r.allows('/private/x')).toBe(false);
    expect(r.allows('/private/ok/1')).toBe(true);
    expect(r.allows('/doc.pdf')).toBe(false);
    expect(r.allows('/doc.pdf?x=1')).toBe(true);
    expect(r.crawlDelay).toBe(2);
  });
  it('applies a named group to its bot only', () => {
    expect(parseRobots(txt, 'OtherBot/2').allows('/annonce/1.html')).toBe(false);
  });
  it('matches wildcards without backtracking blow-up', () => {
    expect(robotsMatch('/a*b*c', '/axxbyyc')).toBe(true);
    expect(robotsMatch('/a*b*c$', '/axxbyycd')).toBe(false);
    expect(robotsMatch(`/${'*a'.repeat(30)}b`, `/${'a'.repeat(5000)}`)).toBe(false);
  });
});
