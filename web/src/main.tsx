import '@uswds/uswds/css/uswds.min.css';
import './app-shell.css';
import './app-tables.css';
import './app-tags.css';
import './app-forms.css';
import './app-panels.css';
import './app-charts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { LanguageProvider } from './language.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <App />
    </LanguageProvider>
  </StrictMode>,
);
