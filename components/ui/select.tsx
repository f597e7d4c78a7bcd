import type { ComponentProps } from "react";
import { cn } from "./cn";
import { ChevronDownIcon } from "./icons";
import { controlClasses } from "./input";

export type SelectProps = ComponentProps<"select">;

/**
 * A native <select> (best keyboard, screen-reader and mobile behaviour) with
 * the browser arrow replaced by our chevron. Pass <option>s as children.
 */
export function Select({ className, children, ...props }: SelectProps) {
  return (
    <div className="relative">
      <select className={cn(controlClasses, "min-h-11 appearance-none py-2 pr-10", className)} {...props}>
        {children}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-slate-600" />
    </div>
  );
}
