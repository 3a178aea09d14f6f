import { useEffect } from 'react';
import type { NavItem } from '../app/nav-items.ts';

/** "g" then a letter jumps to a screen (g t triage, g s search, g c cases…), like mail clients. */
export function useGoShortcuts(items: readonly NavItem[], navigate: (href: string) => void): void {
  useEffect(() => {
    let armed = 0;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
      if (e.key === 'g') {
        armed = Date.now();
        return;
      }
      if (armed && Date.now() - armed < 1500) {
        const item = items.find((i) => i.key === e.key);
        if (item) {
          e.preventDefault();
          navigate(item.href);
        }
      }
      armed = 0;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, navigate]);
}
