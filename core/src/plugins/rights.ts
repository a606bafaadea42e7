import type { RightsService } from '@preau/sdk';
import type { PluginRegistry } from './plugin-registry.js';

/**
 * Workflow rights from the manifests' defaults. Per-school changes by administrators will be layered on top
 * of the same question (`can`), so routes never change. The registry is read late: plugins receive this
 * service before every plugin is loaded.
 */
export function createRights(registry: () => PluginRegistry | undefined): RightsService {
  return {
    can(user, app, right) {
      const declared = registry()?.get(app)?.manifest?.rights?.[right];
      return declared !== undefined && declared.default.includes(user.profile);
    },
  };
}
