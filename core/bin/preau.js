#!/usr/bin/env node
// Préau's server code is TypeScript run through tsx's loader: no compile step between `npm install` and `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
