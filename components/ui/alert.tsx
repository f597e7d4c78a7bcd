import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "error";

const TONES: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: "border-blue-200 bg-blue-50 text-blue-900", icon: "text-blue-700", Icon: InfoIcon },
  success: { box: "border-green-200 bg-green-50 text-green-900", icon: "text-green-700", Icon: CheckCircleIcon },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: "text-amber-700", Icon: WarningIcon },
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: "text-red-700", Icon: ErrorIcon },
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
};

/**
 * An inline callout. Errors get role="alert" (assertive), the other tones
 * role="status" (polite), so an alert rendered in response to an action is
 * announced. (Live regions only announce changes; one that is on the page
 * from the first paint is read in normal page order.) Pass `role="note"` for
 * a static callout that should never be announced.
 */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  const { box, icon, Icon } = TONES[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-xl border p-4 text-base", box, className)}
      {...props}
    >
      <Icon className={cn("mt-0.5 size-5 shrink-0", icon)} />
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
