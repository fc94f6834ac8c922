import { CacheProvider } from '@emotion/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectDataChanges, queryClient } from './api/queries';
import { App } from './app/App';
import { listenForAppCommands } from './app/app-commands';
import { createStyleCache } from './app/style-cache';
import { listenForDigestClicks } from './features/reminders';

connectDataChanges();
listenForAppCommands();
listenForDigestClicks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CacheProvider value={createStyleCache()}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </CacheProvider>
  </StrictMode>,
);
