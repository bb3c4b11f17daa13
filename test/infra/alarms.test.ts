import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanTempDirs, logicalId, ref, resource, type SynthResult, synthRouter } from './synth.ts';

// The rollout of infra/alarms.ts as wired in the router stack: one synth with the defaults and
// an alarm e-mail, one with the canary off and no e-mail.
let t: Template;
let dev: SynthResult;

beforeAll(() => {
  vi.stubEnv('CDK_VALIDATION', 'false');
  t = synthRouter({ alarmEmail: 'ops@example.com' }).template;
  dev = synthRouter({ alarmEmail: null, canary: false });
});

afterAll(() => {
  vi.unstubAllEnvs();
  cleanTempDirs();
});

describe('the rollout', () => {
  it('shifts traffic to a new version 10 % first for 5 minutes, rolling back on any alarm', () => {
    expect(watchedAlarms(t)).toEqual(alarmIds(t));
    expect(alarmIds(t)).toHaveLength(3);
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      AlarmConfiguration: { Enabled: true, Alarms: Match.anyValue() },
      AutoRollbackConfiguration: {
        Enabled: true,
        Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM'],
      },
    });
    t.hasResource('AWS::Lambda::Alias', {
      UpdatePolicy: {
        CodeDeployLambdaAliasUpdate: {
          ApplicationName: ref(logicalId(t, 'AWS::CodeDeploy::Application')),
          DeploymentGroupName: ref(logicalId(t, 'AWS::CodeDeploy::DeploymentGroup')),
        },
      },
    });
  });

  it('shifts all at once when the canary is off', () => {
    dev.template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
      AlarmConfiguration: { Enabled: true, Alarms: Match.anyValue() },
    });
    expect(watchedAlarms(dev.template)).toEqual(alarmIds(dev.template));
    expect(alarmIds(dev.template)).toHaveLength(3);
  });

  const aliasDimensions = () => {
    const fn = logicalId(t, 'AWS::Lambda::Function');
    return [
      { Name: 'FunctionName', Value: ref(fn) },
      { Name: 'Resource', Value: { 'Fn::Join': ['', [ref(fn), ':live']] } },
    ];
  };
  it.each([
    ['AWS/Lambda', 'Errors', aliasDimensions],
    ['AWS/Lambda', 'Throttles', aliasDimensions],
    // The handler's copy of Fault with only the function: all of its webhooks, no other stage.
    [
      'RingostatRouter',
      'Fault',
      () => [{ Name: 'FunctionName', Value: ref(logicalId(t, 'AWS::Lambda::Function')) }],
    ],
  ])(
    'alarms on %s %s summed over 1 minute above 0, treating no data as healthy',
    (namespace, metric, dims) => {
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: namespace,
        MetricName: metric,
        Dimensions: dims(),
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [ref(logicalId(t, 'AWS::SNS::Topic'))],
      });
    },
  );

  it('e-mails alarms through an SSL-only topic when an alarm e-mail is set', () => {
    const topic = logicalId(t, 'AWS::SNS::Topic');
    t.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: ref(topic),
    });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      },
    });
  });

  it('creates no topic and no alarm actions without an alarm e-mail', () => {
    dev.template.resourceCountIs('AWS::SNS::Topic', 0);
    dev.template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
    dev.template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
  });
});

// Logical ids of every alarm in the template, sorted.
function alarmIds(template: Template): string[] {
  return Object.keys(template.findResources('AWS::CloudWatch::Alarm')).sort();
}

// Logical ids of the alarms the deployment group watches, sorted.
function watchedAlarms(template: Template): string[] {
  const group = resource(template, logicalId(template, 'AWS::CodeDeploy::DeploymentGroup'));
  const config = group.Properties.AlarmConfiguration as { Alarms: { Name: { Ref: string } }[] };
  return config.Alarms.map((a) => a.Name.Ref).sort();
}
