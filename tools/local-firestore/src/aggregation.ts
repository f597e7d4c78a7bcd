// count(), sum() and average() over a query's result set, with Firestore's
// rules: non-numeric values are ignored, integer sums stay integers unless
// they overflow int64, average is always a double (null when nothing matched).
import type { StructuredAggregationQuery } from "@firestore-emulator/proto/dist/google/firestore/v1/query";
import { invalidArgument } from "./errors";
import { fieldRefFromPath, fieldValue } from "./filters";
import { type QueryResult, runQuery } from "./query";
import type { Database, StoredDoc } from "./store";
import type { FsValue } from "./values";

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function numericValues(docs: readonly StoredDoc[], fieldPath: string): FsValue[] {
  const ref = fieldRefFromPath(fieldPath);
  const out: FsValue[] = [];
  for (const d of docs) {
    const v = fieldValue(d, ref);
    if (v && (v.t === "int" || v.t === "double")) out.push(v);
  }
  return out;
}

function sum(values: FsValue[]): FsValue {
  let intSum = 0n;
  let dbl = 0;
  let sawDouble = false;
  let overflow = false;
  for (const v of values) {
    if (v.t === "int") {
      intSum += v.v;
      if (intSum > INT64_MAX || intSum < INT64_MIN) overflow = true;
    } else if (v.t === "double") {
      dbl += v.v;
      sawDouble = true;
    }
  }
  if (!sawDouble && !overflow) return { t: "int", v: intSum };
  return { t: "double", v: Number(intSum) + dbl };
}

function average(values: FsValue[]): FsValue {
  if (values.length === 0) return { t: "null" };
  let total = 0;
  for (const v of values) total += v.t === "int" ? Number(v.v) : v.t === "double" ? v.v : 0;
  return { t: "double", v: total / values.length };
}

export interface AggregationOutcome {
  fields: Map<string, FsValue>;
  /** The documents aggregated over, for transaction read tracking. */
  result: QueryResult;
}

export function runAggregation(db: Database, parentPath: string, agg: StructuredAggregationQuery): AggregationOutcome {
  if (!agg.has_structured_query) throw invalidArgument("Aggregation query needs a structured_query");
  const result = runQuery(db, parentPath, agg.structured_query);
  const docs = result.docs;
  const fields = new Map<string, FsValue>();
  agg.aggregations.forEach((a, i) => {
    const alias = a.alias || `field_${i + 1}`;
    switch (a.operator) {
      case "count": {
        const upTo = a.count.has_up_to ? BigInt(a.count.up_to.value) : undefined;
        const n = BigInt(docs.length);
        fields.set(alias, { t: "int", v: upTo !== undefined && upTo < n ? upTo : n });
        break;
      }
      case "sum":
        fields.set(alias, sum(numericValues(docs, a.sum.field.field_path)));
        break;
      case "avg":
        fields.set(alias, average(numericValues(docs, a.avg.field.field_path)));
        break;
      default:
        throw invalidArgument(`Aggregation "${alias}" has no known operator (count, sum, avg)`);
    }
  });
  return { fields, result };
}
