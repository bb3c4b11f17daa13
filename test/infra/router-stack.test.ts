import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanTempDirs, logicalId, ref, resource, type SynthResult, synthRouter } from './synth.ts';

// One synth per configuration, many assertions on each (a synth takes about 0.3 s here with the
// CloudFormation validator off; test/infra/nag.test.ts runs the validated synth).
let prod: SynthResult;
let dev: SynthResult;
let t: Template;

beforeAll(() => {
  vi.stubEnv('CDK_VALIDATION', 'false');
  prod = synthRouter({ alarmEmail: 'ops@example.com' });
  dev = synthRouter({
    stage: 'dev',
    memorySize: 512,
    reservedConcurrency: 20,
    logRetentionDays: 7,
  });
  t = prod.template;
});

afterAll(() => {
  vi.unstubAllEnvs();
  cleanTempDirs();
});

describe('the function', () => {
  it('runs the artifact on nodejs24.x, arm64, 256 MB, 3 s, reserving no concurrency', () => {
    t.resourceCountIs('AWS::Lambda::Function', 1);
    t.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'ringostat-router-prod',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 3,
      ReservedConcurrentExecutions: Match.absent(),
      Environment: Match.absent(),
    });
  });

  it('writes JSON logs at INFO (platform lines at WARN) to its own log group kept 30 days', () => {
    const logs = logicalId(t, 'AWS::Logs::LogGroup');
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 30, LogGroupName: Match.absent() },
      DeletionPolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: {
        LogFormat: 'JSON',
        ApplicationLogLevel: 'INFO',
        SystemLogLevel: 'WARN',
        LogGroup: ref(logs),
      },
    });
  });

  it('takes memory, retention and a reserved concurrency from the settings', () => {
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'ringostat-router-dev',
      MemorySize: 512,
      ReservedConcurrentExecutions: 20,
    });
    dev.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });
});

describe('the live alias and its URL', () => {
  it('publishes a retained version per artifact, described by the manifest, behind "live"', () => {
    const fn = logicalId(t, 'AWS::Lambda::Function');
    const version = logicalId(t, 'AWS::Lambda::Version');
    t.hasResource('AWS::Lambda::Version', {
      Properties: {
        FunctionName: ref(fn),
        Description: Match.stringLikeRegexp(
          '^table fixture-table-hash rev 0123456789abcdef0123456789abcdef01234567 artifact [0-9a-f]{12}$',
        ),
      },
      DeletionPolicy: 'Retain',
    });
    t.resourceCountIs('AWS::Lambda::Alias', 1);
    t.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionName: ref(fn),
      FunctionVersion: { 'Fn::GetAtt': [version, 'Version'] },
    });
  });

  it('attaches the Function URL to the alias with AuthType NONE', () => {
    t.resourceCountIs('AWS::Lambda::Url', 1);
    t.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      Qualifier: 'live',
      TargetFunctionArn: { 'Fn::GetAtt': [logicalId(t, 'AWS::Lambda::Function'), 'Arn'] },
      Cors: Match.absent(),
    });
  });

  it('grants the public both lambda:InvokeFunctionUrl and lambda:InvokeFunction via the URL only', () => {
    const alias = logicalId(t, 'AWS::Lambda::Alias');
    t.resourceCountIs('AWS::Lambda::Permission', 2);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      FunctionName: ref(alias),
      FunctionUrlAuthType: 'NONE',
      Principal: '*',
    });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: ref(alias),
      InvokedViaFunctionUrl: true,
      Principal: '*',
    });
  });

  it('outputs the URL, the function name, the alias name, the artifact hash and the log group', () => {
    t.hasOutput('FunctionUrl', {
      Value: { 'Fn::GetAtt': [logicalId(t, 'AWS::Lambda::Url'), 'FunctionUrl'] },
    });
    t.hasOutput('FunctionName', { Value: ref(logicalId(t, 'AWS::Lambda::Function')) });
    t.hasOutput('AliasName', { Value: 'live' });
    t.hasOutput('ArtifactHash', { Value: prod.stack.artifact.hash });
    t.hasOutput('LogGroupName', { Value: ref(logicalId(t, 'AWS::Logs::LogGroup')) });
  });
});

describe('least privilege', () => {
  it('lets the function role write its own log group and nothing else', () => {
    const role = functionRoleId(t);
    expect(resource(t, role).Properties).toEqual({
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
          },
        ],
        Version: '2012-10-17',
      },
      Description: 'Ringostat router: write its own log group, nothing else',
    });
    t.resourceCountIs('AWS::IAM::Policy', 1);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [ref(role)],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [logicalId(t, 'AWS::Logs::LogGroup'), 'Arn'] },
          },
        ],
      },
    });
  });

  it('has no wildcard action in any policy of the stack', () => {
    expect(policyActions(t).filter((a) => a.includes('*'))).toEqual([]);
    expect(policyActions(t).length).toBeGreaterThan(0);
  });
});

describe('the template', () => {
  it('holds exactly the router resources, with no CDK metadata resource', () => {
    const counts: Record<string, number> = {};
    for (const r of Object.values(t.toJSON().Resources as Record<string, { Type: string }>)) {
      counts[r.Type] = (counts[r.Type] ?? 0) + 1;
    }
    expect(counts).toEqual({
      'AWS::Logs::LogGroup': 1,
      'AWS::IAM::Role': 2,
      'AWS::IAM::Policy': 1,
      'AWS::Lambda::Function': 1,
      'AWS::Lambda::Version': 1,
      'AWS::Lambda::Alias': 1,
      'AWS::Lambda::Url': 1,
      'AWS::Lambda::Permission': 2,
      'AWS::SNS::Topic': 1,
      'AWS::SNS::TopicPolicy': 1,
      'AWS::SNS::Subscription': 1,
      'AWS::CloudWatch::Alarm': 3,
      'AWS::CodeDeploy::Application': 1,
      'AWS::CodeDeploy::DeploymentGroup': 1,
    });
  });

  it('carries only the bootstrap version check besides resources and outputs', () => {
    expect(Object.keys(t.toJSON()).sort()).toEqual(['Outputs', 'Parameters', 'Resources', 'Rules']);
    expect(Object.keys(t.toJSON().Parameters)).toEqual(['BootstrapVersion']);
    expect(Object.keys(t.toJSON().Rules)).toEqual(['CheckBootstrapVersion']);
    t.resourceCountIs('AWS::CDK::Metadata', 0);
  });
});

// The role the function assumes, found through the function's Role attribute.
function functionRoleId(template: Template): string {
  const fn = resource(template, logicalId(template, 'AWS::Lambda::Function'));
  return (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
}

// Every Action of every IAM statement in the template: policies, inline role policies, topics.
function policyActions(template: Template): string[] {
  const actions: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Action' || key === 'NotAction') actions.push(...[value].flat().map(String));
        else visit(value);
      }
    }
  };
  visit(template.toJSON().Resources);
  return actions;
}
