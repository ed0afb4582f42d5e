/**
 * The review conversation in Chromium, across two browser contexts: the
 * reviewer (procurement) asks a question and rejects an answer; the vendor,
 * in a browser of its own, is told at once how many questions wait (the
 * welcome page and a banner), reads the reviewer's words on the question's
 * card, replies with text and a file, and sees what it replied; the
 * reviewer reads the reply beside the answer and accepts it; the rejection
 * note reaches the vendor too. Also: "Accept all remaining answers" with
 * its confirmation, and moving between answers with the keyboard. axe runs
 * on every new view. Screenshots go to tests/.artifacts/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const VENDOR = 'Conversation Test Air Services';
const RECIPIENT = 'Quinn Questionnaire';
const QUESTION = 'Which number does your help desk call back: the one in your HR system, or the one the caller gives?';
const REJECTION = 'The attached policy covers administrators only, not all staff.';
const REPLY = 'Always the number in the HR system. The procedure is attached.';

/** A tRPC call from the page's own browser context (its cookies), as the app itself makes it. */
async function call<T>(page: Page, procedure: string, input?: unknown, kind: 'query' | 'mutation' = 'mutation'): Promise<T> {
  const response =
    kind === 'query'
      ? await page.request.get(`/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`)
      : await page.request.post(`/trpc/${procedure}`, { data: { json: input ?? null } });
  const body = (await response.json()) as { result?: { data: { json: T } } };
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result!.data.json;
}

test('the reviewer and the vendor hold the review conversation through the link, both ways; accept all remaining; keyboard between answers', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'procurement');
  // Set-up through the API: answering a questionnaire in the browser is tested in portal.spec.ts.
  const { vendorId } = await call<{ vendorId: number }>(page, 'vendors.create', { name: VENDOR });
  const { assessmentId } = await call<{ assessmentId: number }>(page, 'assessments.start', { vendorId, templateKey: 'lite' });
  const { url } = await call<{ url: string }>(page, 'assessments.createShareLink', { assessmentId, recipientName: RECIPIENT, recipientEmail: 'quinn@conversation.example' });

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await expect(vendor).toHaveURL(/\/portal$/);
  const questionnaire = await call<{ controls: { id: string }[] }>(vendor, 'portal.questionnaire', undefined, 'query');
  for (const control of questionnaire.controls) {
    await call(vendor, 'portal.saveAnswer', { controlId: control.id, value: 'yes', comment: '', baseRevision: 0 });
  }
  await call(vendor, 'portal.submit', {});

  // The reviewer starts the review, asks about REC-01 and rejects IAM-04.
  await page.goto(`/assessments/${assessmentId}`);
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Review started.' })).toBeVisible();
  const review = page.getByRole('region', { name: 'Review', exact: true });
  const asked = review.locator('article#REC-01');
  await asked.getByRole('button', { name: 'Ask for clarification' }).click();
  await asked.getByLabel('Your question to the vendor').fill(QUESTION);
  await asked.getByRole('button', { name: 'Send question' }).click();
  // No mail server in this run: the page says the email waits in the Outbox, never that it was emailed.
  await expect(asked.getByRole('status')).toHaveText(
    'Question sent: the vendor sees it on its questionnaire link. The email to quinn@conversation.example was not sent: it waits in the Outbox, as no mail server is configured.',
  );
  await expect(asked.getByRole('region', { name: 'Conversation with the vendor on REC-01' })).toContainText(QUESTION);
  const rejected = review.locator('article#IAM-04');
  await rejected.getByRole('button', { name: 'Reject' }).click();
  await rejected.getByLabel('Why is the answer rejected?').fill(REJECTION);
  await rejected.getByRole('button', { name: 'Reject answer' }).click();
  await expect(rejected.getByRole('status')).toHaveText('Rejected: it counts as No. The vendor sees your note on its questionnaire link.');

  // The vendor opens its link again: told at once, on the welcome page, what waits.
  await vendor.goto('/portal');
  const banner = vendor.getByRole('region', { name: '1 question from the reviewer needs your answer' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Also, 1 answer was not accepted');
  await expect(banner.getByRole('link', { name: /REC-01/ })).toBeVisible();
  await expect(banner.getByRole('link', { name: /IAM-04/ })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shot(vendor, 'conversation-vendor-welcome');

  // The question's card: the reviewer's words, and a reply with a file.
  await vendor.getByRole('link', { name: 'Answer the reviewer' }).click();
  await expect(vendor).toHaveURL(/\/portal\/questions\/REC#REC-01-review$/);
  await expect(vendor.getByRole('region', { name: '1 question from the reviewer needs your answer' })).toBeVisible();
  await expect(vendor.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Account recovery/ })).toContainText('1 question for you');
  const card = vendor.locator('article#REC-01');
  // The link lands on the conversation itself, which recalls the answer it is about.
  const thread = card.getByRole('region', { name: 'The reviewer has a question' });
  await expect(thread).toBeFocused();
  await expect(thread).toContainText('About your answer to REC-01 Help-desk identity verification: Yes');
  await expect(thread).toContainText(QUESTION);
  await expect(thread).toContainText('(reviewer) asked');
  await expect(thread).toContainText('Waiting for your reply.');
  // The answer itself stays read-only.
  await expect(card.getByRole('radio', { name: 'Yes', exact: true })).toBeDisabled();
  await expectNoAxeViolations(vendor);
  await thread.scrollIntoViewIfNeeded();
  await shot(vendor, 'conversation-vendor-question');
  await thread.getByLabel('Attach a file to your reply (optional)').setInputFiles({ name: 'callback-procedure.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(thread.getByRole('list', { name: 'Files to send with your reply' }).getByRole('link', { name: 'callback-procedure.pdf' })).toBeVisible();
  await thread.getByRole('button', { name: 'Send reply' }).click();
  await expect(thread.getByText('Write your reply before sending it.')).toBeVisible();
  await thread.getByLabel('Your reply to the reviewer').fill(REPLY);
  await thread.getByRole('button', { name: 'Send reply' }).click();
  const replied = card.getByRole('region', { name: 'Your conversation with the reviewer' });
  await expect(replied.getByRole('status').filter({ hasText: 'Reply sent' })).toHaveText('Reply sent. The reviewer can read it now.');
  await expect(replied).toContainText(`${RECIPIENT} replied`);
  await expect(replied).toContainText(REPLY);
  await expect(replied.getByRole('list', { name: 'Files sent with this reply' }).getByRole('link', { name: 'callback-procedure.pdf' })).toBeVisible();
  await expect(replied).toContainText('Your reply was sent. The reviewer reads it beside your answer and decides.');
  await expect(replied.getByLabel('Your reply to the reviewer')).toHaveCount(0);
  await expect(replied.getByRole('button', { name: 'Add to your reply' })).toBeVisible();
  // No question left: the banner now speaks of the rejection only.
  await expect(vendor.getByRole('region', { name: '1 answer was not accepted' })).toBeVisible();
  await expectNoAxeViolations(vendor);

  // The rejection note reached the vendor too, on its card, and it can reply.
  await vendor.getByRole('region', { name: '1 answer was not accepted' }).getByRole('link', { name: /IAM-04/ }).click();
  const rejectedCard = vendor.locator('article#IAM-04');
  const note = rejectedCard.getByRole('region', { name: 'The reviewer did not accept this answer' });
  await expect(note).toContainText(REJECTION);
  await expect(note).toContainText('It counts as No. You can reply to explain, or send evidence; the reviewer then decides again.');
  await expect(note.getByLabel('Your reply to the reviewer')).toBeEditable();
  await expectNoAxeViolations(vendor);
  await shot(vendor, 'conversation-vendor-rejection');

  // On a phone: nothing wider than the screen.
  await vendor.setViewportSize({ width: 360, height: 780 });
  await vendor.goto('/portal/questions/REC#REC-01');
  await expect(vendor.locator('article#REC-01')).toBeFocused();
  expect(Number(await vendor.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
  await shot(vendor, 'conversation-vendor-phone');

  // The reviewer: the reply beside the answer, with its file; accepted.
  await page.reload();
  await expect(review.getByRole('radio', { name: 'Vendor replied (1)' })).toBeAttached();
  await expect(asked.getByText('Vendor replied', { exact: true })).toBeVisible();
  const conversation = asked.getByRole('region', { name: 'Conversation with the vendor on REC-01' });
  await expect(conversation).toContainText(`${RECIPIENT} (vendor) replied`);
  await expect(conversation).toContainText(REPLY);
  await expect(conversation.getByRole('link', { name: 'Download callback-procedure.pdf' })).toBeVisible();
  await expectNoAxeViolations(page);
  await asked.scrollIntoViewIfNeeded();
  await shot(page, 'conversation-reviewer-reply');
  await asked.getByRole('button', { name: 'Accept' }).click();
  await expect(asked.getByRole('status')).toHaveText('Accepted.');
  // The review has its own reviewer and time; the answer keeps the vendor's.
  await expect(asked).toContainText(`by ${RECIPIENT},`);
  await expect(asked.getByText(/^by Ana Kovalenko, \d+ \w+ \d{4}, \d\d:\d\d$/)).toBeVisible();
  await expect(asked.getByText('Vendor replied', { exact: true })).toHaveCount(0);

  // The vendor sees the decision.
  await vendor.setViewportSize({ width: 1280, height: 900 });
  await vendor.reload();
  await expect(vendor.locator('article#REC-01')).toContainText('The reviewer accepted this answer.');
  await expect(vendor.locator('article#REC-01').getByLabel('Your reply to the reviewer')).toHaveCount(0);
  await vendorContext.close();

  // The keyboard moves between answers, as the page says; typing in a note keeps its letters.
  await expect(review.getByText(/^Keyboard, with the focus in the list of answers/)).toContainText('J next answer, K previous answer, N next answer still to decide');
  const cards = review.locator('article[data-review-card]');
  await cards.nth(0).getByRole('button', { name: 'Accept' }).focus();
  await page.keyboard.press('j');
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press('j');
  await expect(cards.nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cards.nth(1).getByRole('button').first()).toBeFocused();
  await cards.nth(1).getByRole('button', { name: 'Reject' }).click();
  const noteBox = cards.nth(1).getByLabel('Why is the answer rejected?');
  await noteBox.pressSequentially('jk');
  await expect(noteBox).toHaveValue('jk');
  await expect(noteBox).toBeFocused();
  await cards.nth(1).getByRole('button', { name: 'Cancel' }).click();
  // N skips answers already decided (REC-01 accepted, IAM-04 rejected) to the next one still to decide.
  await rejected.focus();
  await page.keyboard.press('n');
  const next = review.locator('article[data-review-card]:focus');
  await expect(next).toHaveCount(1);
  await expect(next).not.toHaveAttribute('id', 'IAM-04');
  await expect(next.getByText('Not reviewed', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Accept all remaining: 15 answers, REC-01 accepted and IAM-04 rejected -> 13 left; the rejected one stays.
  await page.getByRole('button', { name: 'Accept all remaining answers (13)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Accept 13 answers?' });
  await expect(confirm).toContainText('Every answer not reviewed yet (13) is accepted as the vendor gave it. Left as they are: 1 answer you rejected.');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Accept 13 answers' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '13 answers accepted.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept all remaining answers (0)' })).toBeDisabled();
  await expect(review.getByRole('radio', { name: 'Not reviewed (0)' })).toBeAttached();
  await expect(rejected.getByText('Rejected', { exact: true })).toBeVisible();
});
