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
    // Lazily loaded pages render their heading a moment later: wait for it (briefly) before moving focus.
    let tries = 0;
    let frame = 0;
    const step = () => {
      if (!document.querySelector('main h1') && tries++ < 60) {
        frame = window.requestAnimationFrame(step);
        return;
      }
      announce();
    };
    const announce = () => {
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
    };
    frame = window.requestAnimationFrame(step);
    return () => window.cancelAnimationFrame(frame);
  }, [location.pathname, appName]);

  return null;
}
