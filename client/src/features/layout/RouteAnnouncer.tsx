import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * On every route change after the first, moves keyboard focus to the page's main heading (or <main>), so that
 * screen-reader and keyboard users start at the new content; the document title follows the heading.
 */
export function RouteAnnouncer({ appName }: { appName: string }) {
  const location = useLocation();
  const first = useRef(true);

  useEffect(() => {
    const frame = window.requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      document.title = heading?.textContent ? `${heading.textContent} – ${appName}` : appName;
      if (first.current) {
        first.current = false;
        return;
      }
      const target = heading ?? document.getElementById('main');
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [location.pathname, appName]);

  return null;
}
