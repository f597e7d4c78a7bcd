import "server-only";

// Plain, short emails: a heading, a few sentences, one clear button, and the
// clinic's name and contact details. The text and HTML versions are built
// from the same parts, so they always say the same thing.

export interface EmailContent {
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  clinic: { name: string; phone?: string; email?: string; address?: string };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderEmail(content: EmailContent): { text: string; html: string } {
  const contact = [content.clinic.phone, content.clinic.email, content.clinic.address].filter(Boolean) as string[];
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.button ? [`${content.button.label}: ${content.button.url}`, ""] : []),
    "—",
    content.clinic.name,
    ...contact,
  ].join("\n");

  const button = content.button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.button.url)}" style="background:#0f766e;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(content.button.label)}</a></p>`
    : "";
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:Inter,Arial,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:28px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p style="font-size:16px;line-height:1.5;margin:0 0 12px">${escapeHtml(p)}</p>`).join("\n")}
${button}
<p style="font-size:14px;color:#475569;margin:24px 0 0;border-top:1px solid #e2e8f0;padding-top:16px">${[content.clinic.name, ...contact].map(escapeHtml).join("<br>")}</p>
</div></body></html>`;
  return { text, html };
}
