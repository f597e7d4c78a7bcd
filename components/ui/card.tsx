import type { ComponentProps } from "react";
import { cn } from "./cn";

// Public pages: white cards, rounded-xl, a subtle border, generous padding
// (20px on phones, 24px from sm up). Header/content/footer share the padding
// so they line up; content and footer drop their top padding to sit under the
// previous part.

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("rounded-xl border border-slate-200 bg-white shadow-xs", className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1.5 p-5 sm:p-6", className)} {...props} />;
}

type HeadingTag = "h1" | "h2" | "h3" | "h4";

export type CardTitleProps = ComponentProps<"h2"> & {
  /** Heading level that fits the page outline; defaults to h2. */
  as?: HeadingTag;
};

export function CardTitle({ as: Tag = "h2", className, ...props }: CardTitleProps) {
  return <Tag className={cn("text-lg font-semibold tracking-tight text-slate-900", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-slate-600", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-5 pb-5 sm:px-6 sm:pb-6", className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-center gap-3 border-t border-slate-200 px-5 py-4 sm:px-6",
        className,
      )}
      {...props}
    />
  );
}
