import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { SessionProvider } from './features/session';
import { setupI18n } from './i18n';
import './styles.css';
import { z } from 'zod';

// The Content-Security-Policy forbids eval. zod's compiled fast path probes for it with `new Function`, which the
// browser reports as a violation; the editor checks definitions with the contract's schemas, so zod runs without it.
z.config({ jitless: true });

void setupI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Suspense fallback={null}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </Suspense>
    </StrictMode>,
  );
});
