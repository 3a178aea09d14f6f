import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal dialog on the native <dialog> element (focus trapping comes from the browser). Closing is the
 * parent's decision: Escape asks through `onClose`; a close the user did not ask for (the browser may close
 * a modal it considers unprompted) re-opens it while the parent still shows it.
 */
export function Dialog({
  title,
  onClose,
  children,
}: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    let mounted = true;
    const open = () => {
      if (mounted && !d.open) d.showModal();
    };
    open();
    const reopen = () => requestAnimationFrame(open);
    d.addEventListener('close', reopen);
    return () => {
      mounted = false;
      d.removeEventListener('close', reopen);
      if (d.open) d.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      aria-labelledby="dialog-title"
    >
      <h2 id="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
