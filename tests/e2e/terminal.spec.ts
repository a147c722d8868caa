import { resolve } from 'node:path';
import { Playground, expect, test as base } from '../support/fixtures.ts';
import { LabTerminal } from '../support/lab-terminal.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const test = base.extend<{ terminal: LabTerminal }>({
  terminal: async ({ playground, page }, use) => {
    // The playground fixture opens the lesson from the lab server and waits for it.
    void playground;
    const terminal = new LabTerminal(page);
    await terminal.open();
    await use(terminal);
  },
});

test.describe('How MQTT works: the lab terminal', () => {
  test('a message mosquitto_pub sends from the terminal arrives in the playground', async ({
    playground,
    terminal,
  }) => {
    const dashboard = playground.client('Dashboard');
    await dashboard.connect();
    await dashboard.subscribe('lab/#');
    await expect(dashboard.log).toContainText('SUBACK for lab/#: Granted QoS 0');

    await terminal.run(`mosquitto_pub -t lab/x -m '{"t":21}'`);
    await terminal.idle();

    const message = dashboard.messagesOn('lab/x');
    await expect(message).toHaveCount(1);
    await expect(message.locator('pre[data-format="json"]')).toHaveText('{\n  "t": 21\n}');
    await expect(terminal.root.getByRole('status')).toContainText('Goal reached.');
  });

  test('mosquitto_sub in the terminal prints what the playground publishes, then exits', async ({
    playground,
    terminal,
  }) => {
    // A topic of this test's own: the lab server is shared by the whole file, and a retained
    // message another test left under lab/ would otherwise arrive first.
    const topic = `lab/terminal-${Date.now()}/temperature`;
    await terminal.run(
      `mosquitto_sub -t '${topic.replace('temperature', '#')}' -v -C 1 -d -i term-sub`,
    );
    // -d prints the SUBACK, so the subscription is in place before the device publishes.
    await expect(terminal.screen).toContainText('Subscribed (mid: 1): 0');

    const device = playground.client('Device');
    await device.connect();
    await device.publish(topic, '{"celsius":21.5}');
    await terminal.root.scrollIntoViewIfNeeded();

    await expect(terminal.screen).toContainText(`${topic} {"celsius":21.5}`);
    await expect(terminal.screen).toContainText('Client term-sub sending DISCONNECT');
    await terminal.idle();
    await expect(terminal.root.getByRole('status')).toContainText('Goal reached.');
  });

  test('an invalid filter is refused before connecting, with the rule it breaks', async ({
    terminal,
    lab,
  }) => {
    const logBefore = lab.output().length;
    await terminal.run("mosquitto_sub -t 'a/#/b'");

    await expect(terminal.screen).toContainText('Error: the topic filter "a/#/b" is invalid');
    await expect(terminal.screen).toContainText("[MQTT-4.7.1-2] '#' is not alone in the last");
    await terminal.idle();
    expect(lab.output().slice(logBefore)).not.toContain('connect client=sub-');
  });

  test('Ctrl-C stops a waiting mosquitto_sub and the prompt comes back', async ({ terminal }) => {
    await terminal.run("mosquitto_sub -t 'lab/quiet/#' -d");
    await expect(terminal.screen).toContainText('Subscribed (mid: 1): 0');

    await terminal.page.keyboard.press('Control+C');
    await expect(terminal.screen).toContainText('^C');
    await terminal.idle();
  });

  test('a suggested command is typed at the prompt, not run', async ({ terminal }) => {
    await terminal.root.getByRole('button', { name: "mosquitto_sub -t 'a/#/b'" }).click();
    await expect(terminal.screen).toContainText("lab:~$ mosquitto_sub -t 'a/#/b'");
    await expect(terminal.screen).not.toContainText('Error:');

    await terminal.page.keyboard.press('Enter');
    await expect(terminal.screen).toContainText('Error: the topic filter');
  });

  test('a file written with > survives a reload and can be downloaded', async ({
    terminal,
    page,
    lab,
  }) => {
    await terminal.run(`echo '{"t":21}' > reading.json`);
    await terminal.idle();
    await terminal.root.getByText('Your files (1)').click();
    const link = terminal.root.getByRole('link', { name: 'reading.json' });
    await expect(link).toHaveAttribute('href', /^blob:/);
    const download = page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toBe('reading.json');

    await page.goto(new URL('/mqtt/how-mqtt-works/', lab.url).toString());
    const again = new LabTerminal(page);
    await again.open();
    await again.run('cat reading.json');
    await expect(again.screen).toContainText('{"t":21}');
  });

  test('Tab completes a command name and Up recalls the last line', async ({ terminal }) => {
    await terminal.type('mosquitto_p');
    await terminal.page.keyboard.press('Tab');
    await expect(terminal.screen).toContainText('lab:~$ mosquitto_pub');
    await terminal.page.keyboard.press('Control+U');
    await terminal.run('echo first');
    await expect(terminal.screen).toContainText('first');
    await terminal.page.keyboard.press('ArrowUp');
    await expect(terminal.screen.locator('div').filter({ hasText: /\S/ }).last()).toHaveText(
      /^lab:~\$ echo first\s*$/,
    );
  });

  test('pasting two lines runs them one after the other', async ({ terminal, page }) => {
    await terminal.root.locator('.xterm-helper-textarea').focus();
    // What the browser does on Ctrl-V: a paste event carrying the clipboard's text.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'echo one\necho two\n');
      const textarea = document.querySelector('.hs-terminal .xterm-helper-textarea')!;
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });

    const rows = terminal.screen.locator('div');
    await expect(rows.filter({ hasText: /^two\s*$/ })).toHaveCount(1);
    const text = await terminal.screen.innerText();
    expect(text.indexOf('lab:~$ echo one')).toBeLessThan(text.indexOf('lab:~$ echo two'));
  });

  test('the terminal follows the page when it gets narrower', async ({ terminal, page }) => {
    const xtermScreen = terminal.root.locator('.xterm-screen');
    const wide = (await xtermScreen.boundingBox())!.width;
    await page.setViewportSize({ width: 390, height: 844 });
    await terminal.root.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await xtermScreen.boundingBox())!.width).toBeLessThan(390);
    expect(wide).toBeGreaterThan(390);
  });

  test('screen reader mode exposes the output to assistive technology', async ({ terminal }) => {
    await terminal.root.getByLabel('Screen reader mode').check();
    await terminal.run('echo readable');
    await expect(terminal.root.locator('.xterm-accessibility-tree')).toContainText('readable');
  });
});

test.describe('the lab terminal on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('fits the width and still runs commands', async ({ terminal }) => {
    const box = await terminal.root.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    await terminal.run(`mosquitto_pub -t lab/x -m '{"t":21}' -d -i phone`);
    await expect(terminal.screen).toContainText('Client phone sending DISCONNECT');
  });
});

// The built site served as plain files: no lab server, so the page runs the in-page lab.
const onStaticHost = base.extend<{ staticPage: Playground }, { site: StaticServer }>({
  site: [
    async ({}, use) => {
      const server = await startStaticServer(resolve(import.meta.dirname, '../../dist'));
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  staticPage: async ({ page, site }, use) => {
    const playground = new Playground(page);
    await playground.open(site.url, 'in-page');
    await use(playground);
  },
});

onStaticHost.describe('the lab terminal on a static host, with the in-page lab', () => {
  onStaticHost('terminal and playground share the in-page broker', async ({ staticPage, page }) => {
    const dashboard = staticPage.client('Dashboard');
    await dashboard.connect();
    await dashboard.subscribe('lab/#');
    await expect(dashboard.log).toContainText('SUBACK for lab/#: Granted QoS 0');

    const terminal = new LabTerminal(page);
    await terminal.open();
    await expect(terminal.screen).toContainText("this page's broker: In-page lab");
    await terminal.run(`mosquitto_pub -t lab/x -m '{"t":21}' -h 127.0.0.1 -p 1883`);
    await expect(terminal.screen).toContainText('note: in the page, mosquitto_pub always uses');
    await terminal.idle();

    await expect(dashboard.messagesOn('lab/x')).toHaveCount(1);
  });
});
