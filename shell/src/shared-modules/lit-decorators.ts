// Shared with plugins through the import map as 'lit/decorators.js'.
export * from 'lit/decorators.js';
