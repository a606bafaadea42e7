// Shared with plugins through the import map as 'lit'.
export * from 'lit';
