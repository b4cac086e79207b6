import type { ReactNode } from 'react';

/** The page's one h1, with optional actions beside it. */
export function PageHeading({ id, children, actions }: { id: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-heading">
      <h1 id={id}>{children}</h1>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
