/**
 * Two plugins must not break each other by defining the same custom element. A plugin's bundle is served
 * from `/apps/<name>/…`, so the module calling `customElements.define` is known from the call stack: a tag
 * outside the plugin's prefix (`<name>-…`) is refused with a clear console error, and the first owner keeps it.
 */
const APP_MODULE = /\/apps\/([a-z][a-z0-9-]*)\//;

/** The plugin whose bundle is defining an element now, or null for the shell itself. */
function callingPlugin(): string | null {
  const stack = new Error().stack ?? '';
  return APP_MODULE.exec(stack)?.[1] ?? null;
}

/** Installs the guard once, before any plugin bundle is imported. */
export function guardPluginTags(registry: CustomElementRegistry = customElements): void {
  const define = registry.define.bind(registry);
  registry.define = (tag: string, constructor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
    const plugin = callingPlugin();
    if (plugin && !tag.startsWith(`${plugin}-`)) {
      console.error(
        `[Préau] Le plugin « ${plugin} » ne peut pas définir <${tag}> : ses éléments doivent commencer par « ${plugin}- ». ` +
          `(Plugin "${plugin}" may not define <${tag}>: its elements must start with "${plugin}-".)`,
      );
      return;
    }
    if (registry.get(tag)) {
      console.error(`[Préau] <${tag}> est déjà défini ; la seconde définition est ignorée. (<${tag}> is already defined; the second definition is ignored.)`);
      return;
    }
    define(tag, constructor, options);
  };
}
