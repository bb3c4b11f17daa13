import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type GithubDeploySettings,
  GithubOidcStack,
  readGithubSettings,
} from '../../infra/github-oidc-stack.ts';
import { SettingsError } from '../../infra/settings.ts';

const github: GithubDeploySettings = {
  repo: 'acme/call-router',
  environment: 'production',
  subject: 'repo:acme/call-router:environment:production',
  providerArn: null,
};
// What a repository created since mid-2026 presents: owner and repository with their IDs.
const ID_SUBJECT = 'repo:acme-1234567/call-router-987654321:environment:production';
const PROVIDER_ARN = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

let created: Template;
let imported: Template;
let withIds: Template;

function synth(settings: GithubDeploySettings): Template {
  const stack = new GithubOidcStack(new App(), 'Deploy', {
    github: settings,
    functionName: 'ringostat-router-prod',
  });
  return Template.fromStack(stack);
}

beforeAll(() => {
  vi.stubEnv('CDK_VALIDATION', 'false');
  created = synth(github);
  imported = synth({ ...github, providerArn: PROVIDER_ARN });
  withIds = synth({ ...github, subject: ID_SUBJECT });
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const sub = (parts: unknown[]) => ({ 'Fn::Join': ['', parts] });
const partition = { Ref: 'AWS::Partition' };
const account = { Ref: 'AWS::AccountId' };
const region = { Ref: 'AWS::Region' };

describe('GithubOidcStack', () => {
  it("creates GitHub's OIDC provider for the sts.amazonaws.com audience", () => {
    created.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    created.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
  });

  it('trusts only jobs of the repository running in the production environment', () => {
    const provider = Object.keys(created.findResources('AWS::IAM::OIDCProvider'))[0];
    created.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRoleWithWebIdentity',
            Effect: 'Allow',
            Principal: { Federated: { Ref: provider } },
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub':
                  'repo:acme/call-router:environment:production',
              },
            },
          },
        ],
      },
    });
  });

  it('trusts exactly the subject the settings give, such as an ID-based one', () => {
    withIds.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub': ID_SUBJECT,
              },
            },
          }),
        ],
      },
    });
    withIds.hasOutput('TrustedSubject', { Value: ID_SUBJECT });
  });

  it('uses an existing provider instead of creating a second one', () => {
    imported.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    imported.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Federated: PROVIDER_ARN } })],
      },
    });
  });

  it('may only assume the CDK bootstrap roles and verify or roll back the router function', () => {
    const bootstrap = (kind: string) =>
      sub([
        'arn:',
        partition,
        ':iam::',
        account,
        `:role/cdk-hnb659fds-${kind}-role-`,
        account,
        '-',
        region,
      ]);
    const fn = (qualifier: string) =>
      sub([
        'arn:',
        partition,
        ':lambda:',
        region,
        ':',
        account,
        `:function:ringostat-router-prod${qualifier}`,
      ]);
    created.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.absent(),
      Policies: [
        {
          PolicyName: 'Deploy',
          PolicyDocument: {
            Statement: [
              {
                Sid: 'CdkBootstrapRoles',
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: ['deploy', 'file-publishing', 'lookup'].map(bootstrap),
              },
              {
                Sid: 'VerifyAndRollback',
                Effect: 'Allow',
                Action: ['lambda:InvokeFunction', 'lambda:GetAlias', 'lambda:UpdateAlias'],
                Resource: [fn(''), fn(':*')],
              },
            ],
            Version: '2012-10-17',
          },
        },
      ],
    });
  });

  it('outputs the role ARN for the AWS_ROLE_ARN variable', () => {
    const role = Object.keys(created.findResources('AWS::IAM::Role'))[0];
    created.hasOutput('DeployRoleArn', { Value: { 'Fn::GetAtt': [role, 'Arn'] } });
  });
});

describe('readGithubSettings', () => {
  const read = (context: Record<string, unknown>) => readGithubSettings(new App({ context }).node);

  it.each([[{}], [{ githubRepo: '' }]])('is off without a repository (%j)', (context) => {
    expect(read(context)).toBeNull();
  });

  it('reads the repository and an optional existing provider', () => {
    expect(read({ githubRepo: 'acme/call-router', githubOidcProviderArn: '' })).toEqual(github);
    expect(read({ githubRepo: 'acme/call-router', githubOidcProviderArn: PROVIDER_ARN })).toEqual({
      ...github,
      providerArn: PROVIDER_ARN,
    });
  });

  it('takes githubSubject as the exact subject, overriding the default', () => {
    expect(read({ githubRepo: 'acme/call-router', githubSubject: ID_SUBJECT })).toEqual({
      ...github,
      subject: ID_SUBJECT,
    });
    expect(read({ githubRepo: 'acme/call-router', githubSubject: '' })).toEqual(github);
  });

  it.each([
    [
      { githubRepo: 'acme/call-router', githubSubject: 'repo:acme/*:environment:production' },
      'context "githubSubject": expected the exact subject the deploy job prints, such as "repo:acme-123/router-456:environment:production", got "repo:acme/*:environment:production"',
    ],
    [
      { githubSubject: ID_SUBJECT },
      'context "githubSubject" needs "githubRepo" (owner/name) set too',
    ],
  ])('rejects the subject settings %j', (context, message) => {
    expect(() => read(context)).toThrow(new SettingsError(message));
  });

  it('rejects a repository that is not owner/name', () => {
    expect(() => read({ githubRepo: 'https://github.com/acme/call-router' })).toThrow(
      new SettingsError(
        'context "githubRepo": expected "owner/name", got "https://github.com/acme/call-router"',
      ),
    );
  });
});
