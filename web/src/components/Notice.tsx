import { useEffect } from 'react';

/** A short confirmation in a polite live region; clears itself after a while. */
export function Notice({ message, onClear }: { message: string | null; onClear: () => void }) {
  useEffect(() => {
    if (!message) return;
    const id = window.setTimeout(onClear, 6000);
    return () => window.clearTimeout(id);
  }, [message, onClear]);
  return (
    <output className="notice-region" aria-live="polite">
      {message ? <p className="notice">{message}</p> : null}
    </output>
  );
}
