/** A lesson's lab terminal as a page object: typing, pressing keys and reading xterm's rows. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson's terminal, used the way a learner uses it: by typing and reading the screen. */
export class LabTerminal {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Lab terminal' });
  }

  /**
   * The text on screen (xterm's rows); wrapped lines are separate rows. xterm stops drawing
   * while it is scrolled out of view, so scroll back (`open`) before reading it.
   */
  get screen(): Locator {
    return this.root.locator('.xterm-rows');
  }

  async open() {
    // The widget hydrates when it scrolls into view (client:visible), then loads xterm.
    await this.root.scrollIntoViewIfNeeded();
    await expect(this.root).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await expect(this.screen).toContainText("Type 'help' for the commands");
  }

  async run(line: string) {
    await this.type(line);
    await this.page.keyboard.press('Enter');
  }

  async type(text: string) {
    await this.root.locator('.xterm-helper-textarea').focus();
    await this.page.keyboard.type(text);
  }

  /** Scrolls xterm's viewport up into the scrollback, to read output longer than the screen. */
  async scrollBack(pixels = 2000) {
    // xterm's own layers cover the rows, so point the mouse at the screen's box rather than hover.
    const box = (await this.root.locator('.xterm-screen').boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // One wheel event moves xterm a few rows at most; send several.
    for (let moved = 0; moved < pixels; moved += 250) await this.page.mouse.wheel(0, -250);
  }

  /** Waits for the prompt to come back after the last command. */
  async idle() {
    await expect(this.screen.locator('div').filter({ hasText: /\S/ }).last()).toHaveText(
      /^lab:~\$\s*$/,
    );
  }
}
