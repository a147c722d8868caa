import type { Locator, Page } from '@playwright/test';
import { expect, test as base } from '../support/fixtures.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

/** The "AWS IoT policies" lesson, opened from the lab server. */
const test = base.extend<{ policyLesson: Page }>({
  policyLesson: async ({ page, lab }, use) => {
    await page.goto(new URL('/policies/', lab.url).toString());
    await use(page);
  },
});

// The widgets hydrate when scrolled into view (client:visible); typing before that is lost.
async function widget(page: Page, name: string, index = 0): Promise<Locator> {
  const found = page.getByRole('group', { name }).nth(index);
  await found.scrollIntoViewIfNeeded();
  await expect(found).toHaveAttribute('data-ready', 'true');
  return found;
}

/** The first simulator on the page, switched to one of its scenarios. */
async function simulator(page: Page, scenario: string): Promise<Locator> {
  const sim = await widget(page, 'Policy simulator');
  await sim.getByLabel('Scenario').selectOption(scenario);
  await expect(sim).toHaveAttribute('data-scenario', scenario);
  return sim;
}

function outcome(sim: Locator): Locator {
  return sim.locator('.hs-decision__words');
}

test.describe('Policy lesson: the editor', () => {
  test('a trailing comma is a JSON error at its line and column, before any policy check', async ({
    policyLesson,
  }) => {
    const editor = await widget(policyLesson, 'Policy editor');
    await editor
      .getByLabel('Policy document')
      .fill(
        '{\n  "Version": "2012-10-17",\n  "Statement": [\n' +
          '    {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"},\n  ]\n}',
      );

    const problem = editor.locator('.hs-json-problem[data-kind="trailing-comma"]');
    await expect(problem).toHaveCount(1);
    await expect(problem.locator('.hs-json-problem__title')).toHaveText('Trailing comma');
    await expect(problem.locator('.hs-json-problem__place')).toHaveText('line 5, column 3');
    await expect(problem.locator('.hs-json-problem__message')).toHaveText(
      'The comma at line 4, column 66 is followed by `]`, so it separates nothing. JSON allows ' +
        'a comma only between two values; JavaScript and JSON5 accept a trailing comma, JSON ' +
        'does not. Delete that comma.',
    );
    await expect(editor.locator('.hs-json-verdict')).toHaveText('✘ Not JSON: 1 error');
    await expect(editor.locator('.hs-policy-problem')).toHaveCount(0);
  });

  test('iot:* on * is valid, and both grants are flagged at their paths', async ({
    policyLesson,
  }) => {
    const editor = await widget(policyLesson, 'Policy editor');
    await editor.getByRole('button', { name: 'iot:* on *' }).click();

    await expect(editor.locator('.hs-json-verdict')).toHaveText('✔ Valid policy, 2 warnings');
    const actions = editor.locator('.hs-policy-problem[data-code="allow-all-iot-actions"]');
    await expect(actions).toHaveAttribute('data-path', 'Statement[0].Action');
    await expect(actions.locator('.hs-json-problem__title')).toHaveText(
      "Allow on every action ('iot:*')",
    );
    await expect(actions.locator('.hs-json-problem__place')).toHaveText('line 6, column 17');
    await expect(actions.locator('.hs-rule')).toHaveText('[allow-all-iot-actions]');
    await expect(actions.locator('dd').first()).toHaveText('"iot:*"');
    await expect(actions.locator('.hs-json-problem__message')).toHaveText(
      '"iot:*" allows every AWS IoT action: connecting as any client the resources allow, ' +
        'publishing, retaining, subscribing, and the shadow, job and credential actions too. ' +
        'List only the actions the device uses.',
    );
    await expect(
      editor.locator('.hs-policy-problem[data-code="allow-any-resource"]'),
    ).toHaveAttribute('data-path', 'Statement[0].Resource');
  });

  test('a misspelt action is an error that names its path, what was found and what AWS expects', async ({
    policyLesson,
  }) => {
    const editor = await widget(policyLesson, 'Policy editor');
    const box = editor.getByLabel('Policy document');
    await box.fill((await box.inputValue()).replace('"iot:Publish"', '"iot:Pubish"'));

    const problem = editor.locator('.hs-policy-problem[data-code="action-unknown"]');
    await expect(problem).toHaveAttribute('data-path', 'Statement[1].Action');
    await expect(problem.locator('.hs-json-problem__severity')).toHaveText('Error');
    await expect(problem.locator('dd').first()).toHaveText('"iot:Pubish"');
    await expect(editor.locator('.hs-json-verdict')).toHaveText(
      '✘ AWS IoT would refuse this policy: 1 error',
    );
  });

  test('switching examples keeps each edit, and restore brings back the original', async ({
    policyLesson,
  }) => {
    const editor = await widget(policyLesson, 'Policy editor');
    const box = editor.getByLabel('Policy document');
    const original = await box.inputValue();
    await box.fill(original.replace('PublishOwnTelemetry', 'MyTelemetry'));

    await editor.getByRole('button', { name: 'iot:* on *' }).click();
    await expect(box).toHaveValue(/"iot:\*"/);
    await editor.getByRole('button', { name: /^Least-privilege device/ }).click();

    await expect(box).toHaveValue(/"Sid": "MyTelemetry"/);
    await expect(
      editor.getByRole('button', { name: 'Least-privilege device (edited)' }),
    ).toBeVisible();
    await editor.getByRole('button', { name: 'Restore the example' }).click();
    await expect(box).toHaveValue(original);
  });
});

test.describe('Policy lesson: the simulator', () => {
  test('a publish outside the allowed topics is implicitly denied, naming the nearest statement and what it lacks', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'device');
    await sim.getByLabel('Topic name').fill('sensors/sensor-02/temperature');

    await expect(outcome(sim)).toHaveText('Implicitly denied');
    await expect(sim.locator('.hs-decision__nearest')).toHaveText(
      `policy 'sensor-policy' Statement[1] (Sid "PublishOwnTelemetry")`,
    );
    await expect(sim.locator('.hs-decision__lacks li')).toHaveText([
      `its Resource "${ARN}:topic/sensors/sensor-01/*" does not match ` +
        `${ARN}:topic/sensors/sensor-02/temperature.`,
    ]);
    await expect(sim.locator('.hs-statement--nearest')).toHaveAttribute('data-at', 'Statement[1]');
  });

  test('a Deny in another policy decides: explicitly denied, with the deciding statement highlighted', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'explicit-deny');

    await expect(outcome(sim)).toHaveText('Explicitly denied');
    await expect(sim.locator('.hs-decision__deciding')).toHaveText(
      `Deciding statement: policy 'lockdown' Statement[0] (Sid "NoFirmwareFromDevices"), Deny`,
    );
    const deciding = sim.locator('.hs-statement[data-deciding="true"]');
    await expect(deciding).toHaveCount(1);
    await expect(deciding).toHaveAttribute('data-policy', 'lockdown');
    await expect(deciding).toHaveAttribute('data-at', 'Statement[0]');
    await expect(deciding.locator('.hs-badge--deciding')).toHaveText('deciding statement');
  });

  test('a policy variable is shown with its value, and the ARN after substitution', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'explicit-deny');
    const telemetry = sim.locator('.hs-statement[data-policy="telemetry"]');
    const entry = telemetry.locator('.hs-statement__entry');

    await expect(entry.locator('code').first()).toHaveText(
      `${ARN}:topic/sensors/\${iot:ClientId}/*`,
    );
    await expect(entry.locator('.hs-statement__substituted')).toHaveText(
      '…topic/sensors/sensor-01/*',
    );
    await expect(entry.locator('.hs-variable')).toHaveText('${iot:ClientId} = "sensor-01"');

    await sim.getByLabel('Client ID').fill('sensor-07');
    await expect(entry.locator('.hs-statement__substituted')).toHaveText(
      '…topic/sensors/sensor-07/*',
    );
  });

  test('a thing variable that does not resolve is named with the reason', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'device');
    await sim.getByLabel('Client ID').fill('sensor-01-debug');

    await expect(sim.locator('.hs-policy-sim__link')).toHaveAttribute('data-linked', 'false');
    await expect(outcome(sim)).toHaveText('Implicitly denied');
    const unresolved = sim
      .locator('.hs-statement[data-at="Statement[1]"] .hs-variable--unresolved')
      .first();
    await expect(unresolved).toHaveText(
      '${iot:Connection.Thing.ThingName} unresolved: the request context has no ' +
        'iot:Connection.Thing.ThingName: no registry thing is linked to this connection (the ' +
        'client ID must equal the name of a thing attached to the certificate, unless the ' +
        'certificate is exclusively attached); it stays as literal text and matches nothing.',
    );
  });

  test('the documented trap: a/# is allowed past a Deny on a/restricted/*, and the lint says so', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'subscribe-trap');
    await expect(sim.getByLabel('Action')).toHaveValue('iot:Subscribe');
    await sim.getByLabel('Topic filter').fill('a/#');

    await expect(outcome(sim)).toHaveText('Allowed');
    await expect(sim.locator('.hs-decision__deciding')).toHaveText(
      `Deciding statement: policy 'subscriber' Statement[0] (Sid "SubscribeUnderA"), Allow`,
    );
    const warning = sim.locator(
      '.hs-policy-problem[data-code="deny-subscribe-bypassed-by-wildcards"]',
    );
    await expect(warning).toHaveAttribute('data-path', 'Statement[1].Resource');
    await expect(warning.locator('.hs-json-problem__title')).toHaveText(
      'Wildcard filters go around a Subscribe Deny',
    );
    await expect(warning.locator('.hs-json-problem__message')).toHaveText(
      `This Deny does not stop a client subscribing to "a/#": iot:Subscribe compares the ` +
        `filter's text, "a/#" does not match the Deny, and policy 'subscriber' Statement[0] ` +
        `(Sid "SubscribeUnderA") allows it. That subscription then delivers messages on ` +
        `"a/restricted/x" and every other topic the Deny meant to protect. Block delivery ` +
        `instead: deny iot:Receive on "${ARN}:topic/a/restricted/*", which AWS checks on every ` +
        `message.`,
    );

    await sim.getByLabel('Topic filter').fill('a/restricted/x');
    await expect(outcome(sim)).toHaveText('Explicitly denied');
  });

  test('a topic name with a wildcard is refused by the broker before any policy', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'device');
    await sim.getByLabel('Topic name').fill('sensors/#');

    const refused = sim.locator('.hs-policy-sim__refused');
    await expect(refused).toContainText(
      'The broker refuses this PUBLISH, before any policy is consulted',
    );
    await expect(refused.locator('li strong')).toHaveText(['Wildcard in a topic name']);
    await expect(sim.locator('.hs-decision__caveat')).toHaveText(
      'By the policies alone: the broker refuses the packet before it gets this far.',
    );
  });

  test('thing-group policies count only when the client ID is the thing name', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'thing-group');
    await expect(outcome(sim)).toHaveText('Allowed');
    await expect(sim.locator('.hs-decision__notes')).toContainText(
      "Thing-group policy 'greenhouse-group' is not in effect",
    );

    await sim.getByLabel('Client ID').fill('sensor-01');
    await expect(outcome(sim)).toHaveText('Explicitly denied');
    await expect(sim.locator('.hs-statement[data-deciding="true"]')).toHaveAttribute(
      'data-policy',
      'greenhouse-group',
    );
  });

  test('a policy that is not JSON is left out and says so; a removed policy comes back with Undo', async ({
    policyLesson,
  }) => {
    const sim = await simulator(policyLesson, 'explicit-deny');
    await sim.getByLabel('Policy 2 document').fill('{"Version": "2012-10-17", "Statement": [}');

    await expect(sim.locator('.hs-policy-card').nth(1)).toContainText(
      'This policy is not JSON, so it is left out of the decision until it is fixed.',
    );
    await expect(outcome(sim)).toHaveText('Allowed');

    await sim.locator('.hs-policy-card').nth(1).getByRole('button', { name: 'Remove' }).click();
    await expect(sim.locator('.hs-policy-card')).toHaveCount(1);
    await sim.getByRole('button', { name: 'Undo' }).click();
    await expect(sim.getByLabel('Policy 2 document')).toHaveValue(
      '{"Version": "2012-10-17", "Statement": [}',
    );
  });

  test('switching scenarios keeps the edits of each one', async ({ policyLesson }) => {
    const sim = await simulator(policyLesson, 'device');
    await sim.getByLabel('Topic name').fill('sensors/sensor-01/humidity');

    await sim.getByLabel('Scenario').selectOption('retain');
    await expect(sim.getByLabel('Topic name')).toHaveValue('status/sensor-01');
    await sim.getByLabel('Scenario').selectOption('device');

    await expect(sim.getByLabel('Topic name')).toHaveValue('sensors/sensor-01/humidity');
    await sim.getByRole('button', { name: 'Restore the scenario' }).click();
    await expect(sim.getByLabel('Topic name')).toHaveValue('sensors/sensor-01/temperature');
  });
});
