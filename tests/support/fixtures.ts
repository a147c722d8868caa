import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startLabProcess, type LabProcess } from './lab-process.ts';

/** The playground on the "How MQTT works" lesson, seen the way a learner uses it. */
export class Playground {
  constructor(readonly page: Page) {}

  /** Opens the broker picker and returns its form. */
  async openPicker(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Change broker' }).click();
    return this.page.getByRole('form', { name: 'Pick a broker' });
  }

  /** Picks "another broker" with the address a learner typed, and submits the picker. */
  async pickCustomBroker(address: string): Promise<Locator> {
    const picker = await this.openPicker();
    await picker.getByLabel("Another broker's MQTT over WebSocket address").check();
    await picker.getByLabel('MQTT over WebSocket address', { exact: true }).fill(address);
    await picker.getByRole('button', { name: 'Use this broker' }).click();
    return picker;
  }

  client(label: 'Device' | 'Dashboard'): ClientPanel {
    return new ClientPanel(this.page.getByRole('article', { name: `${label} client` }));
  }

  /** Opens the lesson at `siteUrl` (a lab server, or a static host under a sub-path). */
  async open(siteUrl: string, broker: 'lab-server' | 'in-page' = 'lab-server') {
    await this.page.goto(new URL('mqtt/how-mqtt-works/', siteUrl).toString());
    // The playground makes its client IDs after hydration; it marks itself ready then.
    await expect(this.page.locator('.hs-playground[data-ready="true"]')).toBeVisible();
    await expect(this.page.locator('.hs-playground .hs-broker')).toHaveAttribute(
      'data-broker',
      broker,
    );
  }
}

export class ClientPanel {
  constructor(readonly root: Locator) {}

  get log(): Locator {
    return this.root.getByRole('region', { name: 'Message log' });
  }

  async clientId(): Promise<string> {
    return this.root.getByLabel('Client ID').inputValue();
  }

  async connect() {
    await this.root.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(this.root.getByRole('status')).toHaveText('Connected');
  }

  async subscribe(filter: string, qos: 0 | 1 = 0) {
    const form = this.root.getByRole('form', { name: 'Subscribe' });
    await form.getByLabel('Topic filter').fill(filter);
    await form.getByLabel('QoS').selectOption(String(qos));
    await form.getByRole('button', { name: 'Subscribe' }).click();
  }

  async publish(topic: string, payload: string, options: { qos?: 0 | 1; retain?: boolean } = {}) {
    const form = this.root.getByRole('form', { name: 'Publish' });
    await form.getByLabel('Topic name').fill(topic);
    await form.getByLabel('Payload').fill(payload);
    await form.getByLabel('QoS').selectOption(String(options.qos ?? 0));
    await form.getByLabel('Retain').setChecked(options.retain ?? false);
    await form.getByRole('button', { name: 'Publish' }).click();
  }

  /** The received message entries whose topic is exactly `topic`. */
  messagesOn(topic: string): Locator {
    return this.log.locator('[data-kind="message"]').filter({
      has: this.log.page().locator('.hs-log__topic', { hasText: new RegExp(`^${escape(topic)}$`) }),
    });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `lab` is one lab server per test file, started with `handshake start` and stopped after. */
export const test = base.extend<{ playground: Playground; lesson: Page }, { lab: LabProcess }>({
  lab: [
    async ({}, use) => {
      const lab = await startLabProcess();
      await use(lab);
      await lab.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  /** The "How MQTT works" lesson, opened from the lab server. */
  lesson: async ({ page, lab }, use) => {
    await page.goto(new URL('/mqtt/how-mqtt-works/', lab.url).toString());
    await use(page);
  },
  playground: async ({ page, lab }, use) => {
    const playground = new Playground(page);
    await playground.open(lab.url);
    await use(playground);
  },
});

export { expect };
