"use client";

import dynamic from "next/dynamic";
import type { PatientActionResult } from "./actions";
import { unreachable } from "@/lib/domain/action-result";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Alert, Button, Field, Input, Spinner } from "@/components/ui";
import type { PaymentStep } from "@/lib/domain/payment-view";


// Stripe's script loads only on this step, and only with a real key.
const StripePaymentForm = dynamic(() => import("./stripe-payment-form").then((m) => m.StripePaymentForm), {
  ssr: false,
  loading: () => (
    <p className="flex items-center gap-2 text-slate-600">
      <Spinner className="size-4" /> Loading the secure payment form…
    </p>
  ),
});

const POLL_MS = 3_000;
const UNREACHABLE = "We couldn't reach the payment system, so you were not charged. Check your connection and try again.";

/**
 * The pay step of the status page (approved, fee due, unpaid). After a
 * successful confirmation the page says "Payment processing" and refreshes
 * itself every few seconds until the webhook has confirmed the visit.
 */
export function PayStep({
  id,
  step,
  feeLabel,
  testPayAction,
}: {
  id: string;
  step: PaymentStep;
  feeLabel: string;
  testPayAction: (id: string, card: string) => Promise<PatientActionResult>;
}) {
  const [paid, setPaid] = useState(false);
  if (paid || step.mode === "processing") return <Processing />;
  if (step.mode === "unavailable") return <Alert tone="warning">{step.message}</Alert>;
  if (step.mode === "element") {
    return <StripePaymentForm publishableKey={step.publishableKey} clientSecret={step.clientSecret} feeLabel={feeLabel} onPaid={() => setPaid(true)} />;
  }
  return <TestPaymentForm id={id} feeLabel={feeLabel} action={testPayAction} onPaid={() => setPaid(true)} />;
}

function Processing() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p role="status" className="flex items-center gap-2 font-medium text-slate-900">
      <Spinner className="size-4" /> Payment processing — this page updates by itself when your visit is confirmed.
    </p>
  );
}

function TestPaymentForm({ id, feeLabel, action, onPaid }: { id: string; feeLabel: string; action: (id: string, card: string) => Promise<PatientActionResult>; onPaid: () => void }) {
  const [card, setCard] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setError(null);
    let result: PatientActionResult;
    try {
      result = await action(id, card);
    } catch {
      result = unreachable(UNREACHABLE);
    }
    setSending(false);
    if (result.ok) onPaid();
    else setError(result.message);
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-dashed border-blue-300 bg-white p-4" aria-labelledby="test-payment-heading">
      <h3 id="test-payment-heading" className="font-semibold text-slate-900">
        Test payment (no real card)
      </h3>
      <p className="text-sm text-slate-600">
        This copy of the app runs without real payments. Use 4242 4242 4242 4242 to pay, or 4000 0000 0000 0002 to see a declined card.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Test card number">
        {(props) => (
          <Input {...props} name="card" inputMode="numeric" autoComplete="off" placeholder="4242 4242 4242 4242" value={card} onChange={(e) => setCard(e.target.value)} required />
        )}
      </Field>
      <Button type="submit" loading={sending}>
        Pay {feeLabel}
      </Button>
    </form>
  );
}
