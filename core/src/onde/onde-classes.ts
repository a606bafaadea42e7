/**
 * The classes of a pupils file. ONDE has no class list of its own: a class is the label and identifier its
 * pupils carry, and its levels are the levels of those pupils (a CE1-CE2 class has pupils of both).
 */
import { ONDE_LEVELS, type OndePupil } from './read-pupils.js';

/** A class as the pupils file describes it. */
export interface OndeClass {
  /** What the import keys the class on: ONDE's identifier, or the label when the export has none (BE1D). */
  key: string;
  label: string;
  id: string | null;
  /** The levels of its pupils, youngest first. */
  levels: string[];
  /** Indices of its pupils in the array given. */
  pupils: number[];
}

const LEVEL_RANK = new Map<string, number>(ONDE_LEVELS.map((level, rank) => [level, rank]));

/** Groups pupils into classes, in the order classes first appear in the file. */
export function listOndeClasses(pupils: readonly OndePupil[]): OndeClass[] {
  const classes = new Map<string, OndeClass>();
  pupils.forEach((pupil, index) => {
    const key = pupil.classId ?? `label:${pupil.classLabel}`;
    let entry = classes.get(key);
    if (entry === undefined) {
      entry = { key, label: pupil.classLabel, id: pupil.classId, levels: [], pupils: [] };
      classes.set(key, entry);
    }
    entry.pupils.push(index);
    if (pupil.level !== null && !entry.levels.includes(pupil.level)) entry.levels.push(pupil.level);
  });
  for (const entry of classes.values()) {
    entry.levels.sort((a, b) => (LEVEL_RANK.get(a) ?? 0) - (LEVEL_RANK.get(b) ?? 0));
  }
  return [...classes.values()];
}
