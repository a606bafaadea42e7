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
  pairs: { a: GroupRef; b: GroupRef }[];
}
