// Shared with plugins through the import map as 'lit/directives/live.js'.
export * from 'lit/directives/live.js';
