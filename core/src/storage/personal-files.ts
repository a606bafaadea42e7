import type { FastifyBaseLogger } from 'fastify';
import type { AppEnablementService, PersonalFilesService, PluginServices, StorageService, StructureService } from '@preau/sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.js';

/**
 * `services.personalFiles`: files a person's blob into a folder of their own space through the one active app
 * whose manifest declares `personalFiles` (Documents), with that app's services. No app imports another: the
 * filing app knows only the contribution point, the keeping app only its declaration.
 */
export function createPersonalFiles(deps: {
  registry: () => PluginRegistry | undefined;
  apps: AppEnablementService;
  storage: StorageService;
  structure: StructureService;
  log: FastifyBaseLogger;
}): PersonalFilesService {
  return {
    async file(input) {
      const keeper = deps.registry()?.all().find((record) => record.state === 'active' && record.services && record.manifest?.personalFiles);
      if (!keeper) return false;
      const [blob, owner] = await Promise.all([deps.storage.stat(input.blobId), deps.structure.activeUser(input.ownerId)]);
      // Only the owner's own file, into their own space: their quota already counts it.
      if (!blob || blob.owner !== input.ownerId || !owner) return false;
      if (deps.apps.enabledSchools(owner.schools.map((s) => s.id), keeper.name).length === 0) return false;
      await keeper.manifest!.personalFiles!.file(input, keeper.services as PluginServices);
      return true;
    },
  };
}
