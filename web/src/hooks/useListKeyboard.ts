import { useEffect, useReducer } from 'react';
import { type ListNavAction, type ListNavState, keyToCommand, listNav } from '../lib/list-nav.ts';

/**
 * j/k (or arrows) move the cursor, Enter opens, x toggles selection. Keys typed into form fields are
 * ignored. The cursor resets when the list changes (new page or filters).
 */
export function useListKeyboard(ids: readonly string[], onOpen: (id: string) => void) {
  const length = ids.length;
  const [state, dispatch] = useReducer(
    (s: ListNavState, a: ListNavAction) => listNav(s, a, length),
    undefined,
    () => ({ cursor: -1, selected: new Set<string>() }),
  );
  const key = ids.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the rows change
  useEffect(() => dispatch({ type: 'reset' }), [key]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const inField = !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
      const cmd = keyToCommand(e.key, { inField, modifier: e.ctrlKey || e.metaKey || e.altKey });
      if (!cmd) return;
      // Enter on a focused link or button keeps its own meaning.
      if (cmd === 'open' && el && (el.tagName === 'A' || el.tagName === 'BUTTON')) return;
      if ((cmd === 'open' || cmd === 'toggle') && state.cursor < 0) return;
      e.preventDefault();
      if (cmd === 'next' || cmd === 'prev') dispatch({ type: cmd });
      else if (cmd === 'open') onOpen(ids[state.cursor]!);
      else dispatch({ type: 'toggle', id: ids[state.cursor]! });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ids, onOpen, state.cursor]);
  useEffect(() => {
    if (state.cursor >= 0)
      document.querySelector(`[data-row-index="${state.cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [state.cursor]);
  return { ...state, dispatch };
}
