import type { DemoContext, PluginServices } from '@preau/sdk';

export async function demo(_context: DemoContext, _services: PluginServices): Promise<void> {}
