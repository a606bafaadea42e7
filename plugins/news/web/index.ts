import { defineWebApp } from '@preau/sdk/web';
import './news-app.js';
import './news-flash-messages.js';
import './news-headlines.js';

export default defineWebApp({ name: 'news', element: 'news-app' });
