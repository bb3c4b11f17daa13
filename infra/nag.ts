// cdk-nag 3 runs as a CDK validation plugin on every synth (`cdk synth`, `cdk deploy` and the
// validated test in test/infra/nag.test.ts): an unacknowledged finding fails the synth. Each
// acknowledgement names the exact finding (RuleId[FindingId]), so a new wildcard or managed
// policy is still reported, and says why it is accepted.
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { GithubOidcStack } from './github-oidc-stack.ts';
import { RouterStack } from './router-stack.ts';

/** One accepted finding: where, which, and why. */
export interface Acknowledgement {
  scope: IConstruct;
  id: string;
  reason: string;
}

/** Registers the AWS Solutions checks on the app and acknowledges the findings we accept. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  for (const ack of app.node.children.flatMap(acknowledgementsFor)) {
    Validations.of(ack.scope).acknowledge({ id: ack.id, reason: ack.reason });
  }
}

/** The acknowledgements for one stack of this app (none for other constructs). */
export function acknowledgementsFor(stack: IConstruct): Acknowledgement[] {
  if (stack instanceof RouterStack) return routerAcknowledgements(stack);
  if (stack instanceof GithubOidcStack) return githubAcknowledgements(stack);
  return [];
}

function routerAcknowledgements(stack: RouterStack): Acknowledgement[] {
  return [
    {
      scope: stack.deployment.role,
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      reason:
        'The CodeDeploy service role needs exactly what AWS maintains in this Lambda-only, ' +
        '"Limited" policy (read alarms, get/update aliases); copying it inline would freeze a ' +
        'snapshot that AWS can no longer fix when CodeDeploy changes.',
    },
  ];
}

function githubAcknowledgements(stack: GithubOidcStack): Acknowledgement[] {
  const fn = `arn:<AWS::Partition>:lambda:<AWS::Region>:<AWS::AccountId>:function:${stack.functionName}`;
  return [
    {
      scope: stack.role,
      id: `AwsSolutions-IAM5[Resource::${fn}:*]`,
      reason:
        'The wildcard is only the qualifier of the one router function: routes verify invokes ' +
        'the live alias and routes rollback --to moves it to a numbered version, whose number ' +
        'is not known when the role is created.',
    },
  ];
}
