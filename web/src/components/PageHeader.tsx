import type { ReactNode } from 'react';

/** Title row of a screen, with optional subtitle and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  actions,
}: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
