export { cn } from "./cn";
export { Alert, type AlertProps, type AlertTone } from "./alert";
export { Badge, type BadgeProps, type BadgeTone } from "./badge";
export { Button, buttonClasses, type ButtonClassesOptions, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle, type CardTitleProps } from "./card";
export { Checkbox, type CheckboxProps } from "./checkbox";
export { CopyButton, type CopyButtonProps } from "./copy-button";
export {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  type DialogContentProps,
} from "./dialog";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { Field, type FieldControlProps, type FieldProps } from "./field";
export * from "./icons";
export { Input, controlClasses, type InputProps } from "./input";
export { Label, type LabelProps } from "./label";
export { Select, type SelectProps } from "./select";
export { LoadingTitle, Skeleton, SkeletonText, type SkeletonTextProps } from "./skeleton";
export { Spinner, type SpinnerProps } from "./spinner";
export { Textarea, type TextareaProps } from "./textarea";
export { Toaster, toast, type ToastItem, type ToastTone } from "./toast";
