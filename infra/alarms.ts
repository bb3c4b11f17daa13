// The alarms CodeDeploy watches while it shifts traffic to a new version: any one in ALARM
// stops the shift and returns the `live` alias to the previous version.
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Alias } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** The handler's Embedded Metric Format namespace, metric and dimension names (docs/deploy.md). */
export const HANDLER_METRICS = {
  namespace: 'RingostatRouter',
  fault: 'Fault',
  defaultAnswer: 'DefaultAnswer',
  dimension: 'Webhook',
  functionDimension: 'FunctionName',
} as const;

/** Rollback alarms on the `live` alias: Lambda errors, throttles and the handler's own faults. */
export class RollbackAlarms extends Construct {
  /** Every alarm, in the order they are reported. */
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, alias: Alias, action: IAlarmAction | null) {
    super(scope, id);
    const period = Duration.minutes(1);
    this.alarms = [
      // Errors: the handler threw or timed out, so Ringostat got no answer at all.
      alarm(
        this,
        'Errors',
        alias.metricErrors({ period, statistic: 'Sum' }),
        'invocation errors on the live alias',
      ),
      // Throttles: calls refused (the account's or a reserved concurrency used up, or `routes pause`).
      alarm(
        this,
        'Throttles',
        alias.metricThrottles({ period, statistic: 'Sum' }),
        'throttled calls on the live alias',
      ),
      // Fault: the handler caught an internal fault and answered the default. The handler emits a
      // copy with the function as its only dimension: this function's faults over every webhook,
      // and never another stage's in the same account.
      alarm(
        this,
        'Faults',
        faultMetric(period, alias.version.lambda.functionName),
        'internal faults answered with the default (all webhooks)',
      ),
    ];
    if (action) for (const a of this.alarms) a.addAlarmAction(action);
  }
}

/** The handler's Fault count of one function (sum over its webhooks) for one period. */
export function faultMetric(period: Duration, functionName: string): Metric {
  return new Metric({
    namespace: HANDLER_METRICS.namespace,
    metricName: HANDLER_METRICS.fault,
    dimensionsMap: { [HANDLER_METRICS.functionDimension]: functionName },
    statistic: 'Sum',
    period,
  });
}

function alarm(scope: Construct, id: string, metric: Metric, what: string): Alarm {
  return new Alarm(scope, id, {
    metric,
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    // No data means no calls, which is healthy; only counted failures may roll back a deploy.
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: `Ringostat router: ${what} in the last minute; rolls back a deploy`,
  });
}
