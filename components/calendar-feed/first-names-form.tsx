"use client";

import { setFeedFirstNamesAction } from "@/components/calendar-feed/actions";
import { FormSummary } from "@/components/forms/form-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button, Card, CardContent, CardHeader, CardTitle, Checkbox } from "@/components/ui";

/** The clinic's choice: feed events say "Visit", or "Visit: Ada" (first name only). Admins only. */
export function FirstNamesForm({ on }: { on: boolean }) {
  const { pending, message, onSubmit, summaryRef } = useFormAction(setFeedFirstNamesAction);
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Names in calendar feeds" className="space-y-4">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Names in feeds</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Checkbox
            name="firstNames"
            defaultChecked={on}
            label="Show patients' first names"
            description="Off: events say only “Visit”. On: “Visit: Ada”. Never the last name, reason, email or phone. Applies to every feed of the clinic."
          />
          <Button type="submit" variant="secondary" loading={pending}>
            Save
          </Button>
        </CardContent>
      </Card>
    </form>
  );
}
