/** What a plugin's web entry contributes to the shell. */
export interface WebApp {
  /** The plugin's name; every custom element it defines must start with `<name>-`. */
  name: string;
  /** The tag of the element the shell shows at `/apps/<name>/…`; it receives the rest of the path as `path`. */
  element: string;
  /** The tag of the app's help page, shown in a dialog by the header's "Aide" while the app is open. */
  help?: string;
}

/** Declares a plugin's web side; a web entry default-exports the result after defining its elements. */
export function defineWebApp(app: WebApp): WebApp {
  if (!app.element.startsWith(`${app.name}-`)) {
    throw new Error(`Préau: element <${app.element}> must start with "${app.name}-"`);
  }
  if (app.help && !app.help.startsWith(`${app.name}-`)) throw new Error(`Préau: element <${app.help}> must start with "${app.name}-"`);
  return Object.freeze({ ...app });
}
