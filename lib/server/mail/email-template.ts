import "server-only";

// Plain, short emails: a heading, a few sentences, one clear button, and the
// clinic's name and contact details. The text and HTML versions are built
// from the same parts, so they always say the same thing.

export interface EmailContent {
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  clinic: { name: string; phone?: string; email?: string; address?: string };
  /** A quiet link under the clinic's details (a waiting list's "leave" link): every such email must carry its own way out. */
  footerLink?: { label: string; url: string };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Names, clinic details and labels reach emails from people we do not trust
// (a patient's name goes to any address they type). Every string is folded
// onto one line here, for every email, so no caller can forget: a line break
// becomes a space (or `joiner`), other control characters and bidi overrides
// are dropped. Then no user string can start a line of its own in the text
// version, and HTML gets the same words, escaped.
const LINE_BREAKS = /\s*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])+\s*/gu;
const INVISIBLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
export const oneLine = (text: string, joiner = " ") =>
  String(text).replace(LINE_BREAKS, joiner).replace(INVISIBLE, "").trim();

// Text mail has no button, only "Label: URL" after the paragraphs, so the
// paragraphs' "the button below" would point at nothing.
const forText = (text: string) =>
  text.replace(/\b(the|this|that)\s+button(\s+(?:below|above))?\b/gi, (_m, article: string, where = "") => `${article} link${where}`);

export function renderEmail(content: EmailContent): { text: string; html: string } {
  const heading = oneLine(content.heading);
  const paragraphs = content.paragraphs.map((p) => oneLine(p)).filter(Boolean);
  const button = content.button ? { label: oneLine(content.button.label), url: oneLine(content.button.url, "") } : undefined;
  const clinicName = oneLine(content.clinic.name);
  const footerLink = content.footerLink ? { label: oneLine(content.footerLink.label), url: oneLine(content.footerLink.url, "") } : undefined;
  const contact = [content.clinic.phone, content.clinic.email, content.clinic.address]
    .map((line) => oneLine(line ?? "", ", "))
    .filter(Boolean);
  const text = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [forText(p), ""]),
    ...(button ? [`${button.label}: ${button.url}`, ""] : []),
    "—",
    clinicName,
    ...contact,
    ...(footerLink ? ["", `${footerLink.label}: ${footerLink.url}`] : []),
  ].join("\n");

  const buttonHtml = button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(button.url)}" style="background:#0f766e;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(button.label)}</a></p>`
    : "";
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:Inter,Arial,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:28px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p style="font-size:16px;line-height:1.5;margin:0 0 12px">${escapeHtml(p)}</p>`).join("\n")}
${buttonHtml}
<p style="font-size:14px;color:#475569;margin:24px 0 0;border-top:1px solid #e2e8f0;padding-top:16px">${[clinicName, ...contact].map(escapeHtml).join("<br>")}</p>
${footerLink ? `<p style="font-size:14px;margin:12px 0 0"><a href="${escapeHtml(footerLink.url)}" style="color:#475569">${escapeHtml(footerLink.label)}</a></p>` : ""}
</div></body></html>`;
  return { text, html };
}
