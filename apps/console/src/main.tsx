// The global stylesheet (design tokens, resets, element styles, the shared classes) comes first, so that
// every component's CSS module, imported through App below, comes after it and wins a tie.
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element to render the console into.');
}
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
