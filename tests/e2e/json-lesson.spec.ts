import type { Locator, Page } from '@playwright/test';
import mqtt from 'mqtt';
import { expect, test as base } from '../support/fixtures.ts';

const POLICY_WITH_TRAILING_COMMA =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*",}]}';

/** The "JSON" lesson, opened from the lab server. */
const test = base.extend<{ jsonLesson: Page }>({
  jsonLesson: async ({ page, lab }, use) => {
    await page.goto(new URL('/json/', lab.url).toString());
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

/** Where the caret stands in a problem's excerpt, and the character above it. */
async function caretOf(problem: Locator): Promise<{ column: number; under: string }> {
  return problem.locator('.hs-json-problem__excerpt').evaluate((pre) => {
    const [line = '', caretLine = ''] = (pre.textContent ?? '').split('\n');
    const strip = (s: string) => s.replace(/^\s*\d*\s\|\s/, '');
    const column = strip(caretLine).indexOf('^');
    return { column, under: strip(line)[column] ?? '' };
  });
}

test.describe('JSON lesson: the validator', () => {
  test('a policy with a trailing comma is named, with the caret under the } after the comma', async ({
    jsonLesson,
  }) => {
    const validator = await widget(jsonLesson, 'JSON validator');
    await validator.getByLabel('JSON document').fill(POLICY_WITH_TRAILING_COMMA);

    const problem = validator.locator('.hs-json-problem[data-kind="trailing-comma"]');
    await expect(problem).toHaveCount(1);
    await expect(problem.locator('.hs-json-problem__title')).toHaveText('Trailing comma');
    await expect(problem.locator('.hs-json-problem__place')).toHaveText('line 1, column 94');
    await expect(problem).toContainText('The comma at line 1, column 93 is followed by `}`');
    expect(await caretOf(problem)).toEqual({ column: 70, under: '}' });
    await expect(validator.locator('.hs-json-verdict')).toHaveText('✘ Not JSON: 1 error');
  });

  test("clicking a problem's place puts the cursor on the character it names", async ({
    jsonLesson,
  }) => {
    const validator = await widget(jsonLesson, 'JSON validator');
    const box = validator.getByLabel('JSON document');
    await box.fill(POLICY_WITH_TRAILING_COMMA);

    await validator.getByRole('button', { name: 'line 1, column 94' }).click();

    await expect(box).toBeFocused();
    expect(await box.evaluate((t: HTMLTextAreaElement) => t.selectionStart)).toBe(93);
  });

  test('once fixed, the policy pretty-prints and matches the policy schema', async ({
    jsonLesson,
  }) => {
    const validator = await widget(jsonLesson, 'JSON validator');
    const box = validator.getByLabel('JSON document');
    await box.fill(POLICY_WITH_TRAILING_COMMA.replace(',}', '}'));

    await validator.getByRole('button', { name: 'Pretty-print' }).click();

    await expect(box).toHaveValue(/^\{\n {2}"Version": "2012-10-17",\n {2}"Statement": \[\n/);
    await expect(validator.locator('.hs-json-verdict')).toHaveText(
      '✔ Valid JSON that matches the policy schema',
    );
    await expect(validator.locator('.hs-json-problem')).toHaveCount(0);
  });

  test('single quotes, a comment and a file path are each named in plain words', async ({
    jsonLesson,
  }) => {
    const validator = await widget(jsonLesson, 'JSON validator');
    const example = validator.getByLabel('Example');

    await example.selectOption({ label: 'Single quotes' });
    await expect(validator.locator('.hs-json-problem').first()).toHaveAttribute(
      'data-kind',
      'single-quotes',
    );

    await example.selectOption({ label: 'A comment' });
    await expect(validator.locator('.hs-json-problem').first()).toHaveAttribute(
      'data-kind',
      'comment',
    );

    await example.selectOption({ label: 'A file path' });
    const path = validator.locator('.hs-json-problem[data-kind="file-path"]');
    await expect(path).toContainText('write file://policy.json');
  });

  test('a byte order mark is accepted with a warning', async ({ jsonLesson }) => {
    const validator = await widget(jsonLesson, 'JSON validator');
    await validator.getByLabel('Example').selectOption({ label: 'Byte order mark' });

    await expect(validator.locator('.hs-json-verdict')).toHaveText('✔ Valid JSON, with 1 warning');
    await expect(validator.locator('.hs-json-problem--warning')).toHaveAttribute(
      'data-kind',
      'byte-order-mark',
    );
  });

  test('a shadow update without "state" is valid JSON but fails the shadow schema at its root', async ({
    jsonLesson,
  }) => {
    // The second validator, in "Device shadow documents", starts on this example.
    const validator = await widget(jsonLesson, 'JSON validator', 1);

    await expect(validator.locator('.hs-json-verdict')).toHaveText(
      '✘ Valid JSON, but 2 problems with the shadow update schema',
    );
    const missing = validator.locator('.hs-json-problem').first();
    await expect(missing).toHaveAttribute('data-path', '$');
    await expect(missing).toContainText(
      'At the root ($), the shadow update schema expects the property "state"',
    );
  });
});

test.describe('JSON lesson: the payload designer', () => {
  test('a number sent as a string breaks the schema, and the payload cannot be published', async ({
    jsonLesson,
  }) => {
    const designer = await widget(jsonLesson, 'Payload designer');
    const payload = designer.getByLabel('Payload', { exact: true });
    await payload.fill(
      '{"deviceId": "greenhouse-1", "ts": 1735689600000, "temperature_c": "21.5", "humidity_pct": 48}',
    );

    const problem = designer.locator('.hs-json-problem[data-kind="schema-mismatch"]');
    await expect(problem).toHaveAttribute('data-path', '$.temperature_c');
    await expect(problem).toContainText('expects a number, but found the string "21.5"');
    await expect(problem).toContainText('Remove the quotes');
    await expect(designer.getByRole('button', { name: 'Publish' })).toBeDisabled();
  });

  test('a broken schema is shown in the schema box with its caret', async ({ jsonLesson }) => {
    const designer = await widget(jsonLesson, 'Payload designer');
    await designer.getByLabel('Schema (JSON Schema 2020-12)').fill('{"type": "nubmer"}');

    await expect(designer.locator('.hs-json-problem[data-kind="invalid-schema"]')).toContainText(
      'not a valid JSON Schema 2020-12',
    );
    await expect(designer.getByRole('button', { name: 'Publish' })).toBeDisabled();
  });

  test('a payload that matches is published to the lab, and a subscriber receives it', async ({
    jsonLesson,
    lab,
  }) => {
    const subscriber = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.mqttPort}`, {
      clientId: `e2e-json-${Date.now()}`,
    });
    try {
      await subscriber.subscribeAsync('lab/greenhouse/#', { qos: 1 });
      const received = new Promise<{ topic: string; payload: string }>((resolve) => {
        subscriber.on('message', (topic, payload) =>
          resolve({ topic, payload: payload.toString() }),
        );
      });

      const designer = await widget(jsonLesson, 'Payload designer');
      await designer.getByRole('button', { name: 'Publish' }).click();

      const message = await received;
      expect(message).toEqual({
        topic: 'lab/greenhouse/telemetry',
        payload:
          '{"deviceId":"greenhouse-1","ts":1735689600000,"temperature_c":21.5,"humidity_pct":48}',
      });
      await expect(designer.getByRole('list', { name: 'Sent messages' })).toContainText(
        'Published 85 bytes to lab/greenhouse/telemetry as designer-',
      );
      await lab.waitForLine(/lab:mqtt connect client=designer-[0-9a-z]{6} via=ws/);
    } finally {
      await subscriber.endAsync();
    }
  });
});

test.describe('JSON in the MQTT playground', () => {
  test('a JSON payload with a mistake gets a hint, and is still sent as text', async ({
    playground,
  }) => {
    const device = playground.client('Device');
    await device.connect();
    await device.subscribe('lab/json/#');
    const form = device.root.getByRole('form', { name: 'Publish' });

    await form.getByLabel('Payload').fill('{"celsius": 21.5,}');
    await expect(form.locator('.hs-json-problem[data-kind="trailing-comma"]')).toBeVisible();
    await device.publish('lab/json/broken', '{"celsius": 21.5,}');

    const message = device.messagesOn('lab/json/broken');
    await expect(message.locator('pre[data-format="text"]')).toHaveText('{"celsius": 21.5,}');
    await message.getByRole('button', { name: 'JSON' }).click();
    await expect(message.locator('.hs-json-problem')).toHaveAttribute(
      'data-kind',
      'trailing-comma',
    );
  });

  test('a received payload can be shown as text, JSON, hex and Base64, with its size', async ({
    playground,
  }) => {
    const device = playground.client('Device');
    await device.connect();
    await device.subscribe('lab/views/#');
    await device.publish('lab/views/t', '{"celsius":21.5}');

    const message = device.messagesOn('lab/views/t');
    await expect(message.locator('pre[data-format="json"]')).toHaveText('{\n  "celsius": 21.5\n}');
    await expect(message).toContainText("16 bytes, 0.01% of AWS IoT Core's 128 KB limit");

    await message.getByRole('button', { name: 'Hex' }).click();
    await expect(message.locator('pre[data-format="hex"]')).toContainText(
      '0000  7b 22 63 65 6c 73 69 75  |{"celsiu|\n0008  73 22 3a 32 31 2e 35 7d  |s":21.5}|',
    );
    await message.getByRole('button', { name: 'Base64' }).click();
    await expect(message.locator('pre[data-format="base64"]')).toHaveText(
      'eyJjZWxzaXVzIjoyMS41fQ==',
    );
    await message.getByRole('button', { name: 'Text' }).click();
    await expect(message.locator('pre[data-format="text"]')).toHaveText('{"celsius":21.5}');
  });
});
