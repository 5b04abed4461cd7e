export {
  KNOWN_PARTITIONS,
  isAccountId,
  isKnownPartition,
  parseArn,
  rootArn,
  splitArnFields,
} from './arn.ts';
export type { Arn } from './arn.ts';
export {
  WEB_IDENTITY_PROVIDERS,
  accountOfForm,
  accountOfPrincipal,
  classifyPrincipal,
  principalForms,
  roleArnOfSession,
} from './principal.ts';
export type { PrincipalForm, PrincipalFormsOptions } from './principal.ts';
