#!/usr/bin/env node
// The compiled CLI (dist/), imported through `#cli` (package.json `imports`). Under the `@preau/source`
// condition (the workspace's tests, `npm run dev`) `#cli` is the TypeScript source, run through tsx, a
// development dependency that an installed @preau/core does not need.
const entry = import.meta.resolve('#cli');
if (entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
