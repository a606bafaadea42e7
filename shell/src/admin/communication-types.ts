/** A group named in a rule or a gateway. */
export interface GroupRef {
  id: number;
  name: string;
}

/** A school's communication rules (`GET /api/core/schools/:id/communication/rules`); `custom` false: the defaults. */
export interface SchoolRules {
  custom: boolean;
  rules: { from: GroupRef; to: GroupRef }[];
}

export type GatewayStatus = 'proposed' | 'open' | 'closed' | 'refused';

/** A gateway (passerelle) between two schools (`GET /api/core/gateways`). */
export interface Gateway {
  id: number;
  schoolA: { id: number; name: string };
  schoolB: { id: number; name: string };
  status: GatewayStatus;
  purpose: string | null;
  /** yyyy-mm-dd */
  endsOn: string | null;
  pairs: { a: GatewayGroup; b: GatewayGroup }[];
}

/**
 * A group of a gateway: the other school's group names are not shown to the proposing school (`name` null);
 * `profile` is set for school-wide groups (the teachers of a school).
 */
export interface GatewayGroup {
  id: number;
  name: string | null;
  profile: 'Teacher' | 'Student' | 'Relative' | 'Personnel' | 'Guest' | null;
}
