// Steps of the web form that its browser tests share, on the local backend and on a git host's alike.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { type CmsSetup, cmsSetup } from "../../src/admin/config.js";

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

/** The form's configuration as `npm run edit` makes it for a data folder named data/, in these languages. */
export const localFormSetup = (languages: readonly string[] = ["sv", "en", "de"]): CmsSetup =>
  cmsSetup({ backend: { name: "local", url: "http://127.0.0.1:8081/api/v1" }, dataFolder: "data", languages });
