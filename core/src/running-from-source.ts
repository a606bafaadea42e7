/**
 * True when the core runs from its TypeScript source, under the `@preau/source` export condition (the
 * workspace's tests, `npm run dev`), rather than from `dist/`: plugins are then loaded from their source too,
 * and web bundles are built from source at start instead of read from each package's build.
 */
export const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
