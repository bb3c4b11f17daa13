// The router's AWS resources: one arm64 Lambda running the built artifact, a published version
// per deploy behind the `live` alias, the Function URL on that alias (so the URL pasted into
// Ringostat survives deploys), and CodeDeploy shifting traffic with alarm-driven rollback.
import {
  AssetHashType,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { LambdaDeploymentConfig, LambdaDeploymentGroup } from 'aws-cdk-lib/aws-codedeploy';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Alias,
  ApplicationLogLevel,
  Architecture,
  Code,
  FunctionUrlAuthType,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { RollbackAlarms } from './alarms.ts';
import { type Artifact, readArtifact } from './artifact.ts';
import type { RouterSettings } from './settings.ts';

/** Every router function is named with this prefix and the stage (the deploy role relies on it). */
export const FUNCTION_NAME_PREFIX = 'ringostat-router-';

/** The alias Ringostat's URL points at; `routes verify` and `routes rollback` use it too. */
export const ALIAS_NAME = 'live';

/** Props of the router stack: the validated settings (see infra/settings.ts). */
export interface RouterStackProps extends StackProps {
  settings: RouterSettings;
}

/** The router stack: function, live alias, Function URL, rollout and alarms. */
export class RouterStack extends Stack {
  /** The artifact this stack deploys (checked and hashed at construction). */
  readonly artifact: Artifact;
  readonly fn: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly alias: Alias;
  readonly deployment: LambdaDeploymentGroup;
  readonly alarmTopic: Topic | null;

  constructor(scope: Construct, id: string, props: RouterStackProps) {
    // No CDK version metadata resource: the template holds only what the router needs.
    super(scope, id, { analyticsReporting: false, ...props });
    const { settings } = props;
    this.artifact = readArtifact(settings.artifactDir);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: settings.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.fn = this.createFunction(settings, this.logGroup);
    this.alias = new Alias(this, 'Live', {
      aliasName: ALIAS_NAME,
      version: this.fn.currentVersion,
    });
    // AuthType NONE: Ringostat cannot sign requests; the handler checks `?key=` per webhook.
    const url = this.alias.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    this.alarmTopic = settings.alarmEmail ? this.createTopic(settings.alarmEmail) : null;
    const rollback = new RollbackAlarms(
      this,
      'RollbackAlarms',
      this.alias,
      this.alarmTopic ? new SnsAction(this.alarmTopic) : null,
    );
    this.deployment = new LambdaDeploymentGroup(this, 'Deployment', {
      alias: this.alias,
      deploymentConfig: settings.canary
        ? LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES
        : LambdaDeploymentConfig.ALL_AT_ONCE,
      alarms: rollback.alarms,
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    output(
      this,
      'FunctionUrl',
      url.url,
      'Paste into Ringostat as <FunctionUrl><webhook>?key=<key>',
    );
    output(this, 'FunctionName', this.fn.functionName, 'For routes verify / routes rollback');
    output(this, 'AliasName', ALIAS_NAME, 'The alias Ringostat calls');
    output(this, 'ArtifactHash', this.artifact.hash, 'sha256 of the deployed build/lambda');
    output(
      this,
      'LogGroupName',
      this.logGroup.logGroupName,
      'Decision logs: aws logs tail <LogGroupName> --follow',
    );
  }

  private createFunction(settings: RouterSettings, logGroup: LogGroup): LambdaFunction {
    // Our own role with one statement instead of AWSLambdaBasicExecutionRole, whose
    // logs:CreateLogGroup on "*" the function never needs (the group exists).
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Ringostat router: write its own log group, nothing else',
    });
    logGroup.grantWrite(role);
    const { artifact } = this;
    return new LambdaFunction(this, 'Handler', {
      functionName: `${FUNCTION_NAME_PREFIX}${settings.stage}`,
      description: `Ringostat call router (${settings.stage})`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromAsset(artifact.dir, {
        assetHash: artifact.hash,
        assetHashType: AssetHashType.CUSTOM,
      }),
      memorySize: settings.memorySize,
      // A warm answer takes milliseconds and a cold start well under a second; Ringostat's own
      // timeout is set to 5 s (docs/deploy.md), so a stuck call fails here first.
      timeout: Duration.seconds(3),
      // Only when context asks: reserving fails on accounts with the default quota of 10. The
      // kill switch is `routes pause` (concurrency 0), which works on any account.
      reservedConcurrentExecutions: settings.reservedConcurrency ?? undefined,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      // START/END/REPORT lines would more than double log volume; Lambda's metrics carry their
      // numbers anyway.
      systemLogLevelV2: SystemLogLevel.WARN,
      currentVersionOptions: {
        // Old versions stay so `routes rollback` (and CodeDeploy) can return to them.
        removalPolicy: RemovalPolicy.RETAIN,
        description: versionDescription(artifact),
      },
    });
  }

  private createTopic(email: string): Topic {
    const topic = new Topic(this, 'AlarmTopic', {
      displayName: 'Ringostat router alarms',
      enforceSSL: true,
    });
    topic.addSubscription(new EmailSubscription(email));
    return topic;
  }
}

/**
 * Only what the artifact's bytes determine: the revision is the last commit that changed a build
 * input (src/compiler/build-info.ts), so a docs-only commit leaves the description, hence the
 * version's logical id, unchanged and publishes nothing. `-dirty` marks uncommitted changes.
 */
function versionDescription(artifact: Artifact): string {
  const table = artifact.tableHash ?? 'unknown';
  const rev = `${artifact.gitRevision ?? 'unknown'}${artifact.dirty ? '-dirty' : ''}`;
  return `table ${table} rev ${rev} artifact ${artifact.hash.slice(0, 12)}`;
}

function output(stack: Stack, id: string, value: string, description: string): void {
  new CfnOutput(stack, id, { value, description });
}
