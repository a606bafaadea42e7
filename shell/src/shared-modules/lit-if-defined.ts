// Shared with plugins through the import map as 'lit/directives/if-defined.js'.
export * from 'lit/directives/if-defined.js';
