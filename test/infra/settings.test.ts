import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, SettingsError } from '../../infra/settings.ts';
import { cdkJsonContext } from './synth.ts';

const settingsFrom = (context: Record<string, unknown>) => readSettings(new App({ context }).node);

describe('readSettings', () => {
  it('uses the defaults when the context is empty', () => {
    expect(settingsFrom({})).toEqual({
      stage: 'prod',
      memorySize: 256,
      reservedConcurrency: null,
      logRetentionDays: 30,
      alarmEmail: null,
      canary: true,
      artifactDir: 'build/lambda',
    });
  });

  it('reads the same defaults from cdk.json as the code has', () => {
    expect(settingsFrom(cdkJsonContext())).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts the strings `cdk -c key=value` passes', () => {
    expect(
      settingsFrom({
        stage: 'staging',
        memorySize: '512',
        reservedConcurrency: '0',
        logRetentionDays: '7',
        alarmEmail: 'ops@example.com',
        canary: 'false',
        artifactDir: '/tmp/lambda',
      }),
    ).toEqual({
      stage: 'staging',
      memorySize: 512,
      reservedConcurrency: 0,
      logRetentionDays: 7,
      alarmEmail: 'ops@example.com',
      canary: false,
      artifactDir: '/tmp/lambda',
    });
  });

  it.each([['off'], [null], ['']])(
    'leaves concurrency unreserved when reservedConcurrency is %j',
    (value) => {
      expect(settingsFrom({ reservedConcurrency: value }).reservedConcurrency).toBeNull();
    },
  );

  it('reserves concurrency when reservedConcurrency is a number', () => {
    expect(settingsFrom({ reservedConcurrency: 20 }).reservedConcurrency).toBe(20);
  });

  it.each([
    [
      { stage: 'Prod' },
      'context "stage": expected lowercase letters, digits and dashes (at most 20), got "Prod"',
    ],
    [
      { memorySize: '100' },
      'context "memorySize": expected an integer from 128 to 10240, got "100"',
    ],
    [
      { memorySize: 256.5 },
      'context "memorySize": expected an integer from 128 to 10240, got 256.5',
    ],
    [
      { reservedConcurrency: 'lots' },
      'context "reservedConcurrency": expected an integer from 0 to 1000, got "lots"',
    ],
    [
      { logRetentionDays: 10 },
      'context "logRetentionDays": CloudWatch Logs accepts 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; got 10',
    ],
    [{ alarmEmail: 'ops' }, 'context "alarmEmail": expected an e-mail address, got "ops"'],
    [{ canary: 'yes' }, 'context "canary": expected true or false, got "yes"'],
    [{ artifactDir: 42 }, 'context "artifactDir": expected a string, got 42'],
  ])('rejects %j', (context, message) => {
    expect(() => settingsFrom(context)).toThrow(new SettingsError(message));
  });
});
