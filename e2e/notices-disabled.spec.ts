/**
 * On a server without `server_notices` (the test bed's policy Synapse), the Notices page and the single-user
 * dialog say how to enable them instead of showing Synapse's 400, and nothing is sent or started.
 */
import { expect, test } from "./test";
import { randomSuffix, signInWithPassword } from "./fixtures";
import { apiAt, loadPolicyTestbed, passwordLogin } from "./synapse/testbed";

const second = loadPolicyTestbed(); // the provisioned test bed has it; playwright.config.ts leaves this file out otherwise
if (!second) throw new Error("No second test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");
const HOW_TO = "Server notices are not enabled on this server. To enable them, add to homeserver.yaml `server_notices:";

test("without server_notices: the how-to on the Notices page and in the single-user dialog", async ({ page }) => {
  const token = await passwordLogin(second.admin.userId, second.admin.password, second.baseUrl);
  const user = `@nodis-${randomSuffix()}:${second.admin.userId.split(":").slice(1).join(":")}`;
  expect((await apiAt(second.baseUrl, `/_synapse/admin/v2/users/${encodeURIComponent(user)}`, { method: "PUT", token, body: {} })).status).toBe(201);
  await signInWithPassword(page, second.admin.userId, second.admin.password);

  await page.goto("/server/notices");
  await expect(page.getByTestId("notices-disabled")).toContainText(HOW_TO);
  await expect(page.getByRole("form", { name: "Broadcast a server notice" })).toHaveCount(0);

  await page.goto(`/users/${encodeURIComponent(user)}`);
  await page.getByRole("button", { name: "Send server notice…" }).click();
  const dialog = page.getByRole("dialog", { name: `Server notice to ${user}` });
  await dialog.getByLabel("Notice text").fill("Maintenance tonight");
  await dialog.getByRole("button", { name: "Send notice" }).click();
  await expect(dialog.getByRole("alert")).toContainText(HOW_TO);
  const rooms = await apiAt<{ joined_rooms: string[] }>(second.baseUrl, `/_synapse/admin/v1/users/${encodeURIComponent(user)}/joined_rooms`, { token });
  expect(rooms.body.joined_rooms).toEqual([]);
});
