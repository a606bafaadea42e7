/** The five profiles of the French ENT reference model (SDET). */
export const PROFILES = ['Teacher', 'Student', 'Relative', 'Personnel', 'Guest'] as const;

/** A user's profile: teacher, pupil, relative (parent or legal guardian), school staff, or guest (partner). */
export type Profile = (typeof PROFILES)[number];
