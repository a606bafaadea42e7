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
      const keepers = deps.registry()?.all().filter((record) => record.state === 'active' && record.services && record.manifest?.personalFiles) ?? [];
      const keeper = keepers[0];
      if (!keeper) return false;
      // Two apps keeping people's files would split them: the first loaded keeps them, and the operator is told.
      if (keepers.length > 1) deps.log.warn({ apps: keepers.map((k) => k.name) }, 'personal files: more than one app declares personalFiles; the first is used');
      const [blob, owner] = await Promise.all([deps.storage.stat(input.blobId), deps.structure.activeUser(input.ownerId)]);
      // Only the owner's own file, into their own space: their quota already counts it.
      if (!blob || blob.owner !== input.ownerId || !owner) return false;
      if (deps.apps.enabledSchools(owner.schools.map((s) => s.id), keeper.name).length === 0) return false;
      await keeper.manifest!.personalFiles!.file(input, keeper.services as PluginServices);
      return true;
    },
  };
}
