// Renderer entry. The host secret is taken from the address before anything
// else runs, so it leaves the visible URL as early as possible.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hostSecret, takeSecretFromUrl } from './api/secret';
import { App } from './app/App';
import './styles/base.css';
import './styles/shell.css';
import './styles/patients.css';

hostSecret();

// Pasting the printed address into a tab that already shows the app only
// changes the fragment; take the new secret and start afresh with it.
window.addEventListener('hashchange', () => {
  if (/(?:^#|&)k=/.test(window.location.hash)) {
    takeSecretFromUrl();
    window.location.reload();
  }
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
