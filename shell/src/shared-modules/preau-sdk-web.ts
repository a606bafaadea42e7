// Shared with plugins through the import map as '@preau/sdk/web'.
export * from '@preau/sdk/web';
