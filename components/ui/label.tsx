import type { ComponentProps } from "react";
import { cn } from "./cn";

export type LabelProps = ComponentProps<"label"> & {
  /** Appends "(optional)". We mark optional fields, not required ones. */
  optional?: boolean;
};

export function Label({ className, optional = false, children, ...props }: LabelProps) {
  return (
    <label className={cn("block text-sm font-medium text-slate-900", className)} {...props}>
      {children}
      {optional && <span className="font-normal text-slate-600"> (optional)</span>}
    </label>
  );
}
