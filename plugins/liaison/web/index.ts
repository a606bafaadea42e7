import { defineWebApp } from '@preau/sdk/web';
import './liaison-app.js';
import './liaison-help.js';

export default defineWebApp({ name: 'liaison', element: 'liaison-app', help: 'liaison-help' });
