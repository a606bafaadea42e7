import type { WebApp } from '@preau/sdk/web';
import type { LauncherApp } from './preau-launcher.js';

const loaded = new Map<string, Promise<WebApp>>();

/** Imports an app's web entry once, when it is first opened or its home elements are first shown. */
export function loadApp(app: LauncherApp): Promise<WebApp> {
  let promise = loaded.get(app.name);
  if (!promise) {
    promise = import(/* @vite-ignore */ app.entry!).then((module: { default?: WebApp }) => {
      const web = module.default;
      if (!web || web.name !== app.name) throw new Error(`${app.entry} must default-export defineWebApp({ name: '${app.name}', … })`);
      return web;
    });
    loaded.set(app.name, promise);
  }
  return promise;
}

/**
 * Loads, up front, the web entries that add buttons to the common editor (`web.editor` in their manifest): an
 * editor may open in any app (a liaison word, a message), and the documents picker must be in its toolbar there.
 * A failure costs the buttons, not the page.
 */
export function loadEditorApps(apps: readonly LauncherApp[]): void {
  for (const app of apps) {
    if (app.editor && app.entry) loadApp(app).catch((error: unknown) => console.error(`Préau: ${app.name} could not add its editor buttons`, error));
  }
}
