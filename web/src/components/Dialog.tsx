import { type ReactNode, useEffect, useRef } from 'react';

/** A modal dialog on the native <dialog> element (focus trapping and Escape come from the browser). */
export function Dialog({
  title,
  onClose,
  children,
}: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="dialog-title">
      <h2 id="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
