export type * from './types.ts';
export {
  findAccount,
  findBucket,
  findRole,
  findRoleByName,
  findUser,
  iamArn,
  organizationAccounts,
  organizationLevels,
  resolveAttachment,
  roleArnOf,
  userArnOf,
} from './lookup.ts';
export type { FoundRole, FoundUser, ResolvedDocument } from './lookup.ts';
export { longTermKeyId, roleUniqueId, userUniqueId } from './ids.ts';
export { AWS_MANAGED_POLICIES } from './aws-managed.ts';
export { documentPolicyOptions, documentUses } from './policy-options.ts';
export type { DocumentOptions, DocumentPlace, DocumentUse } from './policy-options.ts';
