import { defineWebApp } from '@preau/sdk/web';
import './blog-app.js';
import './blog-help.js';

// The launcher opens <blog-app> at /apps/blog/…; the header's « Aide » shows <blog-help>.
export default defineWebApp({ name: 'blog', element: 'blog-app', help: 'blog-help' });
