// The IAM role GitHub Actions assumes (OIDC, no stored AWS keys) to deploy the router and run
// `routes verify` / `routes rollback`. Deployed once by hand with admin credentials; CI then
// deploys only the router stack. Present in the app only when context `githubRepo` is set.
// The trust policy admits exactly one token subject: the deploy job's, which for repositories
// created (or renamed) since mid-2026 carries immutable owner and repository IDs
// (`repo:acme-123/router-456:environment:production`), so context `githubSubject` can name it.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import {
  type IOidcProvider,
  OidcProviderNative,
  PolicyDocument,
  PolicyStatement,
  Role,
  WebIdentityPrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { Construct, Node } from 'constructs';
import { SettingsError } from './settings.ts';

/** GitHub's OIDC issuer; the provider's URL and the prefix of its condition keys. */
export const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

/** The default CDK bootstrap qualifier, part of the bootstrap role names. */
export const BOOTSTRAP_QUALIFIER = 'hnb659fds';

/** What the deploy role is restricted to. */
export interface GithubDeploySettings {
  /** `owner/name` of the repository whose workflows may assume the role. */
  repo: string;
  /** The GitHub environment the deploy job runs in; only main may deploy to it. */
  environment: string;
  /** The exact `sub` claim the deploy job's token carries: `githubSubject`, else the default. */
  subject: string;
  /** An existing GitHub OIDC provider (IAM allows one per account), or null to create it. */
  providerArn: string | null;
}

/** Props: the repository restriction and the router function the role may verify and roll back. */
export interface GithubOidcStackProps extends StackProps {
  github: GithubDeploySettings;
  functionName: string;
}

/** The subject a job in `environment` of `repo` presents when the repository uses GitHub's default. */
export function defaultSubject(repo: string, environment: string): string {
  return `repo:${repo}:environment:${environment}`;
}

/**
 * Reads context `githubRepo`, optional `githubSubject` (the exact subject, overriding the
 * default) and `githubOidcProviderArn`; null when `githubRepo` is not set.
 */
export function readGithubSettings(node: Node): GithubDeploySettings | null {
  const repo: unknown = node.tryGetContext('githubRepo');
  const subject = readSubject(node.tryGetContext('githubSubject'));
  if (repo === undefined || repo === null || repo === '') {
    if (subject !== null) {
      throw new SettingsError('context "githubSubject" needs "githubRepo" (owner/name) set too');
    }
    return null;
  }
  if (typeof repo !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
    throw new SettingsError(
      `context "githubRepo": expected "owner/name", got ${JSON.stringify(repo)}`,
    );
  }
  const arn: unknown = node.tryGetContext('githubOidcProviderArn');
  if (arn !== undefined && arn !== null && arn !== '' && typeof arn !== 'string') {
    throw new SettingsError(
      `context "githubOidcProviderArn": expected an ARN, got ${JSON.stringify(arn)}`,
    );
  }
  const environment = 'production';
  return {
    repo,
    environment,
    subject: subject ?? defaultSubject(repo, environment),
    providerArn: arn ? arn : null,
  };
}

function readSubject(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  // The trust policy compares with StringEquals: a wildcard would be taken literally.
  if (typeof raw !== 'string' || !/^[^\s*?]+$/.test(raw)) {
    throw new SettingsError(
      `context "githubSubject": expected the exact subject the deploy job prints, such as ` +
        `"repo:acme-123/router-456:environment:production", got ${JSON.stringify(raw)}`,
    );
  }
  return raw;
}

/** The OIDC provider (unless imported) and the GitHub deploy role. */
export class GithubOidcStack extends Stack {
  readonly role: Role;
  /** The router function the role may invoke and roll back. */
  readonly functionName: string;

  constructor(scope: Construct, id: string, props: GithubOidcStackProps) {
    super(scope, id, { analyticsReporting: false, ...props });
    const { github } = props;
    this.functionName = props.functionName;
    const provider: IOidcProvider = github.providerArn
      ? OidcProviderNative.fromOidcProviderArn(this, 'Provider', github.providerArn)
      : new OidcProviderNative(this, 'Provider', {
          url: `https://${GITHUB_ISSUER}`,
          clientIds: ['sts.amazonaws.com'],
        });
    this.role = new Role(this, 'DeployRole', {
      description: `GitHub Actions deploys of ${github.repo} (environment ${github.environment})`,
      // A job that declares `environment:` gets this subject; the environment's branch rule
      // (main only, set in GitHub) is what keeps other branches out.
      assumedBy: new WebIdentityPrincipal(provider.oidcProviderArn, {
        StringEquals: {
          [`${GITHUB_ISSUER}:aud`]: 'sts.amazonaws.com',
          [`${GITHUB_ISSUER}:sub`]: github.subject,
        },
      }),
      inlinePolicies: { Deploy: this.deployPolicy(props.functionName) },
    });
    new CfnOutput(this, 'DeployRoleArn', {
      value: this.role.roleArn,
      description: 'Set as the GitHub variable AWS_ROLE_ARN',
    });
    new CfnOutput(this, 'TrustedSubject', {
      value: github.subject,
      description: 'The one OIDC subject the role trusts (context githubSubject overrides it)',
    });
  }

  private deployPolicy(functionName: string): PolicyDocument {
    const { partition, account, region } = this;
    const bootstrapRole = (kind: string) =>
      `arn:${partition}:iam::${account}:role/cdk-${BOOTSTRAP_QUALIFIER}-${kind}-role-${account}-${region}`;
    const fn = `arn:${partition}:lambda:${region}:${account}:function:${functionName}`;
    return new PolicyDocument({
      statements: [
        // cdk deploy works through the bootstrap roles; the role itself can change nothing else.
        new PolicyStatement({
          sid: 'CdkBootstrapRoles',
          actions: ['sts:AssumeRole'],
          resources: ['deploy', 'file-publishing', 'lookup'].map(bootstrapRole),
        }),
        // What the deploy workflow does besides cdk deploy: read the live version before the
        // deploy (GetAlias), routes verify (InvokeFunction) and routes rollback --to that
        // version (GetAlias, UpdateAlias). Pause and resume are for people, not for CI.
        new PolicyStatement({
          sid: 'VerifyAndRollback',
          actions: ['lambda:InvokeFunction', 'lambda:GetAlias', 'lambda:UpdateAlias'],
          resources: [fn, `${fn}:*`],
        }),
      ],
    });
  }
}
