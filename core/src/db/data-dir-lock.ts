import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of a PGlite data folder: two processes writing one folder would corrupt it.
 * A lock left by a process that died is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => Promise<void> {
  const file = join(dir, 'preau.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (holder !== process.pid && Number.isInteger(holder) && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${holder}. Stop it first (PGlite allows one process per data folder).`,
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return async () => {
    rmSync(file, { force: true });
  };
}
