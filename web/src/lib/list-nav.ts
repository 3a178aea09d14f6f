/**
 * Keyboard navigation of a list (j/k like mail clients, Enter to open, x to select). Pure state machine;
 * the React hook only wires key events to it.
 */

export interface ListNavState {
  /** Index of the focused row, or -1 before the first key press. */
  cursor: number;
  selected: ReadonlySet<string>;
}

export type ListNavAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'toggle'; id: string }
  | { type: 'selectAll'; ids: readonly string[] }
  | { type: 'clear' }
  | { type: 'reset' };

/** Applies an action for a list of `length` rows. */
export function listNav(state: ListNavState, action: ListNavAction, length: number): ListNavState {
  switch (action.type) {
    case 'next':
      return { ...state, cursor: length === 0 ? -1 : Math.min(length - 1, state.cursor + 1) };
    case 'prev':
      return { ...state, cursor: length === 0 ? -1 : Math.max(0, state.cursor - 1) };
    case 'toggle': {
      const s = new Set(state.selected);
      if (s.has(action.id)) s.delete(action.id);
      else s.add(action.id);
      return { ...state, selected: s };
    }
    case 'selectAll': {
      const all = action.ids.length > 0 && action.ids.every((id) => state.selected.has(id));
      return { ...state, selected: all ? new Set() : new Set(action.ids) };
    }
    case 'clear':
      return { ...state, selected: new Set() };
    case 'reset':
      return { cursor: -1, selected: new Set() };
  }
}

/** Maps a key to an action name; ignores keys typed into form fields or with modifiers. */
export function keyToCommand(
  key: string,
  opts: { inField: boolean; modifier: boolean },
): 'next' | 'prev' | 'open' | 'toggle' | null {
  if (opts.inField || opts.modifier) return null;
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'prev';
    case 'Enter':
    case 'o':
      return 'open';
    case 'x':
      return 'toggle';
    default:
      return null;
  }
}
