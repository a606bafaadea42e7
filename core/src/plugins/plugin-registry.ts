import type { PluginServices } from '@preau/sdk';
import type { DefinedPlugin, PreauError } from '@preau/sdk';

/** Where a plugin stands: serving, refused at start (with why), or switched off in the configuration. */
export type PluginState = 'active' | 'failed' | 'disabled';

/** One configured plugin, whatever became of it. */
export interface PluginRecord {
  name: string;
  version: string;
  state: PluginState;
  error?: { code: string; message: string; details?: unknown };
  /** The manifest, when it could be imported and validated. */
  manifest?: DefinedPlugin;
  /** The configuration entry it came from. */
  source: string;
  bundle?: string;
  schema: string;
  settings: Record<string, unknown>;
  /** The services the plugin was given, once mounted. */
  services?: PluginServices;
  /** The built web entry, served at `/apps/<name>/<file>`. */
  web?: { dir: string; file: string };
}

/** Every configured plugin, in configuration order; a name refused as a duplicate is listed but not looked up. */
export class PluginRegistry {
  readonly #records: PluginRecord[] = [];
  readonly #byName = new Map<string, PluginRecord>();

  add(record: PluginRecord): PluginRecord {
    this.#records.push(record);
    if (!this.#byName.has(record.name)) this.#byName.set(record.name, record);
    return record;
  }

  /** The plugin that owns `name` (the first configured under it). */
  get(name: string): PluginRecord | undefined {
    return this.#byName.get(name);
  }

  all(): PluginRecord[] {
    return [...this.#records];
  }

  active(): PluginRecord[] {
    return this.all().filter((r) => r.state === 'active');
  }

  /** Marks a plugin failed with a coded error (the first failure is kept). */
  fail(record: PluginRecord, error: PreauError): void {
    if (record.state === 'failed' && record.error) return;
    record.state = 'failed';
    record.error = { code: error.code, message: error.messages.en, ...(error.details !== undefined ? { details: error.details } : {}) };
  }
}
