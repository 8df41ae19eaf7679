import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element to render the console into.');
}
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
