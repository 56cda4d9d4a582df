/**
 * A result union as a test reads it: one object with every member's fields (the generated
 * types of each member, merged). A test reads the field it expects and asserts on it; reading
 * a field of a member that did not come reads undefined and fails the assertion, as it should.
 */
type KeysOf<U> = U extends unknown ? keyof U : never;
type FieldOf<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;
export type Members<U> = { [K in KeysOf<U>]: FieldOf<U, K> };
