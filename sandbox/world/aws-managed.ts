// A few AWS managed policies scenarios may attach by ARN. AdministratorAccess is AWS's text;
// the others are abbreviated to the services the simulator models (S3, IAM, STS): AWS's
// real ReadOnlyAccess and PowerUserAccess list hundreds of services.

const ADMIN = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}`;

const READ_ONLY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:Get*", "s3:List*", "iam:Get*", "iam:List*", "sts:GetCallerIdentity"],
      "Resource": "*"
    }
  ]
}`;

const POWER_USER = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*" },
    {
      "Effect": "Allow",
      "Action": ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles"],
      "Resource": "*"
    }
  ]
}`;

const S3_READ_ONLY = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*" }]
}`;

export const AWS_MANAGED_POLICIES: Readonly<Record<string, string>> = {
  'arn:aws:iam::aws:policy/AdministratorAccess': ADMIN,
  'arn:aws:iam::aws:policy/ReadOnlyAccess': READ_ONLY,
  'arn:aws:iam::aws:policy/PowerUserAccess': POWER_USER,
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess': S3_READ_ONLY,
};

/** AWS's default SCP and RCP, attached everywhere in an organization unless replaced. */
export const FULL_AWS_ACCESS = ADMIN;
export const RCP_FULL_AWS_ACCESS = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }]
}`;
