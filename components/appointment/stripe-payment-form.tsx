"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe, type Stripe } from "@stripe/stripe-js";
import { useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";

// One Stripe.js per key for the page's lifetime.
const stripes = new Map<string, Promise<Stripe | null>>();
const stripeFor = (key: string) => {
  if (!stripes.has(key)) stripes.set(key, loadStripe(key));
  return stripes.get(key)!;
};

/** Stripe's Payment Element for the appointment's intent (real keys only; loaded by PayStep with next/dynamic). */
export function StripePaymentForm({ publishableKey, clientSecret, feeLabel, onPaid }: { publishableKey: string; clientSecret: string; feeLabel: string; onPaid: () => void }) {
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret }}>
      <Form feeLabel={feeLabel} onPaid={onPaid} />
    </Elements>
  );
}

function Form({ feeLabel, onPaid }: { feeLabel: string; onPaid: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements || sending) return;
    setSending(true);
    setError(null);
    // Redirect-based methods come back to this page, which then shows "Payment processing".
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: window.location.href.split("?")[0]! }, redirect: "if_required" });
    setSending(false);
    // A declined card: Stripe's own message; the same intent is tried again.
    if (result.error) setError(result.error.message ?? "Your payment didn't go through. Please try again.");
    else onPaid();
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <PaymentElement />
      <Button type="submit" loading={sending} disabled={!stripe}>
        Pay {feeLabel}
      </Button>
    </form>
  );
}
