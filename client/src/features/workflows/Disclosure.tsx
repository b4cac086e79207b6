import { useEffect, useState, type HTMLAttributes, type ReactNode } from 'react';

interface Props {
  className?: string;
  /** Opened (and kept open) from outside, e.g. when something inside has a problem. */
  forceOpen?: boolean;
  summary: ReactNode;
  summaryProps?: HTMLAttributes<HTMLElement> & { 'data-pointer'?: string };
  children: ReactNode;
}

/**
 * A `<details>` whose content is rendered only while it is open. A workflow's stage holds dozens of tracks with their
 * steps, each with its own fields and forms: rendered all at once they made the editor slow to type in.
 */
export function Disclosure({ className, forceOpen = false, summary, summaryProps, children }: Props) {
  const [open, setOpen] = useState(forceOpen);
  useEffect(() => {
    if (forceOpen) setOpen(true);
  }, [forceOpen]);
  return (
    <details className={className} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary {...summaryProps}>{summary}</summary>
      {open && children}
    </details>
  );
}
