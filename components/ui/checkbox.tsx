import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  /** Visible label. The label row is at least 44px tall and toggles the box. */
  label?: ReactNode;
  /** Secondary text under the label, linked with aria-describedby. */
  description?: ReactNode;
};

const boxClasses =
  "size-5 shrink-0 cursor-pointer rounded accent-primary-700 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary-600 " +
  "disabled:cursor-not-allowed";

/**
 * A native checkbox tinted with the primary colour (accent-color), so it keeps
 * the platform's keyboard and screen-reader behaviour. Without `label` it is
 * just the box, for a table row or a <Field> that labels it.
 */
export function Checkbox({
  label,
  description,
  className,
  id: idProp,
  disabled,
  "aria-describedby": describedBy,
  ...props
}: CheckboxProps) {
  const generatedId = useId();
  const id = idProp ?? generatedId;
  const descriptionId = description ? `${id}-description` : undefined;

  const box = (
    <input
      type="checkbox"
      id={id}
      disabled={disabled}
      aria-describedby={cn(describedBy, descriptionId) || undefined}
      className={cn(boxClasses, !label && className)}
      {...props}
    />
  );
  if (!label) return box;

  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={cn(
          "flex min-h-11 items-start gap-3 py-2.5 text-base leading-6",
          disabled ? "cursor-not-allowed text-slate-500" : "cursor-pointer text-slate-900",
        )}
      >
        <span className="flex h-6 items-center">{box}</span>
        <span>{label}</span>
      </label>
      {description && (
        <p id={descriptionId} className="-mt-2 pb-2 pl-8 text-sm text-slate-600">
          {description}
        </p>
      )}
    </div>
  );
}
