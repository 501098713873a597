// Steps of the web form that its browser tests share, on the local backend and on a git host's alike.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Saves the open record: Decap's "Publicera", then "Publicera nu". */
export async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publicera", exact: true }).first().click();
  await page.getByText("Publicera nu").click();
}

/** Gives the open renare-vatten project (which starts 2016-03) an end before its start, and saves. */
export async function saveEndBeforeStart(page: Page): Promise<void> {
  await expect.poll(() => page.locator("[id^='start-field-']").inputValue(), { timeout: 20_000 }).toBe("2016-03");
  await page.locator("[id^='duration-field-']").first().fill("");
  await page.locator("[id^='end-field-']").first().fill("2001");
  await publish(page);
}

/** The problems the form shows beside a field, by the field's name ("end"). */
export const problemsAt = (page: Page, field: string): Locator =>
  page
    .locator("[class*='-ControlContainer']", { has: page.locator(`label[for^='${field}-field-']`) })
    .locator(".utblick-problem");
