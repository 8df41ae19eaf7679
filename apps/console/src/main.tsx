// Styles, in cascade order: the design tokens, resets and element styles; then the few classes every feature
// shares (shared/styles/: the page's frame, content and utilities); then, through App and the pages it loads,
// each component's CSS module (shared/ui/ for buttons, banners, fields, panels, tables and states), so that a
// module's rule wins over a shared class of the same specificity.
import './app/styles.css';
import './shared/styles/utilities.css';
import './shared/styles/layout.css';
import './shared/styles/content.css';
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
