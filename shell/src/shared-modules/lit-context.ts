// Shared with plugins through the import map as '@lit/context'.
export * from '@lit/context';
