import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';

// The tester hydrates when scrolled into view (client:visible); typing before that is lost.
async function openTester(page: Page) {
  const tester = page.getByRole('group', { name: 'Topic filter tester' }).first();
  await tester.scrollIntoViewIfNeeded();
  await expect(tester).toHaveAttribute('data-ready', 'true');
  return tester;
}

test.describe('How MQTT works: the topic filter tester', () => {
  test('sport/# matches sport under the spec but not under AWS IoT Core, with the reason', async ({
    lesson: page,
  }) => {
    const tester = await openTester(page);
    await tester.getByLabel('Topic filter').fill('sport/#');
    await tester
      .getByLabel('Topic names, one per line')
      .fill('sport\nsport/tennis/player1\n$SYS/broker/uptime');

    const sport = tester.locator('[data-topic="sport"]');
    await expect(sport.locator('[data-profile="mqtt"]')).toHaveAttribute('data-result', 'match');
    await expect(sport.locator('[data-profile="aws-iot"]')).toHaveAttribute('data-result', 'miss');
    await expect(sport.locator('[data-profile="aws-iot"]')).toContainText(
      "does not match 'sport' itself",
    );
    const deep = tester.locator('[data-topic="sport/tennis/player1"]');
    await expect(deep.locator('[data-result="match"]')).toHaveCount(2);
  });

  test('a filter starting with a wildcard does not match $SYS topics', async ({ lesson: page }) => {
    const tester = await openTester(page);
    await tester.getByLabel('Topic filter').fill('+/#');
    await tester.getByLabel('Topic names, one per line').fill('$SYS/broker/uptime');

    const verdict = tester.locator('[data-topic="$SYS/broker/uptime"] [data-profile="mqtt"]');
    await expect(verdict).toHaveAttribute('data-result', 'miss');
    await expect(verdict).toContainText('MQTT-4.7.2-1');
  });

  test('an invalid filter is explained with the rule it breaks', async ({ lesson: page }) => {
    const tester = await openTester(page);
    await tester.getByLabel('Topic filter').fill('a/#/b');

    const alert = tester.getByRole('alert').first();
    await expect(alert).toContainText('Invalid topic filter');
    await expect(alert).toContainText('[MQTT-4.7.1-2]');
    await expect(tester.locator('[data-result="invalid"]').first()).toBeVisible();
  });
});
