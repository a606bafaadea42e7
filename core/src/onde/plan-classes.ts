import type { OndePupil } from './read-pupils.js';
import { ONDE_LEVELS } from './read-pupils.js';
import { classKey, type SchoolSnapshot } from './school-snapshot.js';
import type { PlannedClass } from './onde-plan.js';

const LEVEL_ORDER = new Map<string, number>(ONDE_LEVELS.map((level, index) => [level, index]));

/** The classes of the file, matched with this year's by ONDE id (else label), levels in school order. */
export function planClasses(pupils: readonly OndePupil[], snapshot: SchoolSnapshot): PlannedClass[] {
  const byKey = new Map<string, { ondeId: string | null; label: string; levels: Set<string>; pupils: number }>();
  for (const pupil of pupils) {
    const key = classKey(pupil.classId, pupil.classLabel);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { ondeId: pupil.classId, label: pupil.classLabel, levels: new Set(), pupils: 0 }));
    if (pupil.level) entry.levels.add(pupil.level);
    entry.pupils += 1;
  }
  const existing = new Map(snapshot.classes.map((c) => [classKey(c.ondeId, c.label), c]));
  return [...byKey].map(([key, entry]) => {
    const levels = [...entry.levels].sort((a, b) => (LEVEL_ORDER.get(a) ?? 99) - (LEVEL_ORDER.get(b) ?? 99));
    const current = existing.get(key);
    const same = current && current.label === entry.label && current.levels.join(',') === levels.join(',');
    return {
      key,
      ondeId: entry.ondeId,
      label: entry.label,
      levels,
      pupils: entry.pupils,
      action: !current ? 'create' : same ? 'unchanged' : 'update',
      id: current?.id ?? null,
    } satisfies PlannedClass;
  });
}

// What the preview says of a line it may not import. It names nothing of the other school or person: the
