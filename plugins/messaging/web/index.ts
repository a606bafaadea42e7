import { defineWebApp } from '@preau/sdk/web';
import './messaging-app.js';

export default defineWebApp({ name: 'messaging', element: 'messaging-app' });
