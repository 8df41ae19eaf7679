import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import styles from './MarkdownRenderer.module.css';

const REMARK_PLUGINS = [remarkGfm];

/**
 * External links leave the console in a new tab and learn nothing about where they came from.
 * Headings sit below the page's own (the runbook's title is an h3), so the outline stays whole.
 */
const COMPONENTS: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
  h1: ({ children }) => <h4>{children}</h4>,
  h2: ({ children }) => <h5>{children}</h5>,
  h3: ({ children }) => <h6>{children}</h6>,
  h4: ({ children }) => <h6>{children}</h6>,
  h5: ({ children }) => <h6>{children}</h6>,
};

/**
 * Markdown (runbooks), rendered safely: raw HTML in the source is dropped (skipHtml, no rehype-raw) and
 * link targets go through react-markdown's URL filter, so the text cannot run script in the console.
 */
export default function MarkdownRenderer({ markdown }: { markdown: string }) {
  return (
    <div className={styles.markdown}>
      <Markdown remarkPlugins={REMARK_PLUGINS} skipHtml components={COMPONENTS}>
        {markdown}
      </Markdown>
    </div>
  );
}
