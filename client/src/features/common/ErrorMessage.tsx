import type { ReactNode } from 'react';

type ErrorTag = 'p' | 'span' | 'small' | 'div' | 'ul';

/**
 * A problem shown where it happened and announced to screen readers as it appears (role="alert"); nothing at all
 * while there is none, so `<ErrorMessage>{error}</ErrorMessage>` can stand in the page unconditionally. `as` keeps
 * the element the surrounding markup needs (a span inside a line, a small under a field, a list of problems).
 */
export function ErrorMessage({ children, as: Tag = 'p', id, className }: { children?: ReactNode; as?: ErrorTag; id?: string; className?: string }) {
  if (children === undefined || children === null || children === false || children === '') return null;
  return (
    <Tag id={id} role="alert" className={className ? `error ${className}` : 'error'}>
      {children}
    </Tag>
  );
}
