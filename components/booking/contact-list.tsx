import { cn } from "@/components/ui";
import { MailIcon, MapPinIcon, PhoneIcon } from "@/components/ui/icons";

export type ClinicContact = { address?: string; phone?: string; email?: string };

/** "+1 (718) 555-0142" → "tel:+17185550142". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** Address, phone and email, each only when set; phone and email are links. */
export function ContactList({ contact, className }: { contact: ClinicContact; className?: string }) {
  const { address, phone, email } = contact;
  if (!address && !phone && !email) return null;
  const link = "font-medium text-primary-800 underline decoration-primary-700/30 underline-offset-4 hover:decoration-primary-700";
  return (
    <ul className={cn("space-y-2 text-base text-slate-700", className)}>
      {address && (
        <li className="flex gap-2.5">
          <MapPinIcon className="mt-0.5 size-5 shrink-0 text-slate-500" />
          <span className="sr-only">Address: </span>
          <span>{address}</span>
        </li>
      )}
      {phone && (
        <li className="flex gap-2.5">
          <PhoneIcon className="mt-0.5 size-5 shrink-0 text-slate-500" />
          <span className="sr-only">Phone: </span>
          <a href={telHref(phone)} className={cn(link, "tabular-nums")}>
            {phone}
          </a>
        </li>
      )}
      {email && (
        <li className="flex min-w-0 gap-2.5">
          <MailIcon className="mt-0.5 size-5 shrink-0 text-slate-500" />
          <span className="sr-only">Email: </span>
          <a href={`mailto:${email}`} className={cn(link, "break-all")}>
            {email}
          </a>
        </li>
      )}
    </ul>
  );
}
