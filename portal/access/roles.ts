/**
 * What a signed-in person may do, per organisation. Derived from what the plans and the organisations directory
 * already say (the plan's office, director and unit heads; the directory's staff and administrators), never typed in
 * twice. A person with several roles holds all of them.
 */
export type Role =
  | { kind: 'administrator' }
  /** Văn phòng: writes, starts and steers the organisation's plans. */
  | { kind: 'office'; org: string }
  /** Reads everything of the organisation and accepts its consolidated reports. */
  | { kind: 'director'; org: string }
  /** Their unit's duties across every plan of the organisation. */
  | { kind: 'unit-head'; org: string; unit: string }
  /** The office of a body above `org` (any level): reads `org`'s plans and roll-up. */
  | { kind: 'parent-office'; org: string };

/** Who holds which roles, as of now: amended plans count at once, without a restart. */
export interface People {
  /** Every role of the address (lower-cased before lookup); none for an address nobody named. */
  rolesOf(email: string): Promise<Role[]>;
}

/** Addresses compare case-insensitively and without surrounding spaces. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();
