// Conversion between upstream's google-protobuf classes and our internal values.
// Decoding rejects values it cannot represent instead of dropping them.
import { ArrayValue, MapValue, Value } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import { Timestamp } from "@firestore-emulator/proto/dist/google/protobuf/timestamp";
import { LatLng } from "@firestore-emulator/proto/dist/google/type/latlng";
import { invalidArgument, unimplemented } from "./errors";
import type { FieldMap, FsValue } from "./values";

const NS_PER_S = 1_000_000_000n;

/** Versions and commit times are nanoseconds since the epoch, as bigint. */
export function versionToTimestamp(ns: bigint): Timestamp {
  return new Timestamp({ seconds: Number(ns / NS_PER_S), nanos: Number(ns % NS_PER_S) });
}

export function timestampToVersion(ts: Timestamp): bigint {
  return BigInt(ts.seconds) * NS_PER_S + BigInt(ts.nanos);
}

export function fromProtoValue(v: Value): FsValue {
  switch (v.value_type) {
    case "null_value":
      return { t: "null" };
    case "boolean_value":
      return { t: "bool", v: v.boolean_value };
    case "integer_value":
      // google-protobuf yields a number when safe and a decimal string beyond 2^53.
      return { t: "int", v: BigInt(v.integer_value) };
    case "double_value":
      return { t: "double", v: v.double_value };
    case "timestamp_value": {
      const ts = v.timestamp_value;
      if (ts.nanos < 0 || ts.nanos > 999_999_999) throw invalidArgument(`Invalid timestamp nanos: ${ts.nanos}`);
      // Firestore stores timestamps with microsecond precision, rounding down.
      return { t: "ts", s: Number(ts.seconds), n: ts.nanos - (ts.nanos % 1000) };
    }
    case "string_value":
      return { t: "string", v: v.string_value };
    case "bytes_value":
      return { t: "bytes", v: Uint8Array.from(v.bytes_value) };
    case "reference_value":
      return { t: "ref", v: v.reference_value };
    case "geo_point_value":
      return { t: "geo", lat: v.geo_point_value.latitude, lng: v.geo_point_value.longitude };
    case "array_value":
      return { t: "array", v: v.array_value.values.map(fromProtoValue) };
    case "map_value":
      return { t: "map", v: fromProtoFields(v.map_value.fields) };
    default:
      throw unimplemented("A Value with no known type (e.g. a pipeline expression value)");
  }
}

export function fromProtoFields(fields: Map<string, Value>): FieldMap {
  const out: FieldMap = new Map();
  for (const [k, v] of fields) out.set(k, fromProtoValue(v));
  return out;
}

function intToProto(v: bigint): number | string {
  const n = Number(v);
  // Beyond 2^53 hand google-protobuf a decimal string so no digit is lost.
  return Number.isSafeInteger(n) ? n : v.toString();
}

export function toProtoValue(v: FsValue): Value {
  switch (v.t) {
    case "null":
      return new Value({ null_value: 0 });
    case "bool":
      return new Value({ boolean_value: v.v });
    case "int":
      return new Value({ integer_value: intToProto(v.v) as number });
    case "double":
      return new Value({ double_value: v.v });
    case "ts":
      return new Value({ timestamp_value: new Timestamp({ seconds: v.s, nanos: v.n }) });
    case "string":
      return new Value({ string_value: v.v });
    case "bytes":
      return new Value({ bytes_value: v.v });
    case "ref":
      return new Value({ reference_value: v.v });
    case "geo":
      return new Value({ geo_point_value: new LatLng({ latitude: v.lat, longitude: v.lng }) });
    case "array":
      return new Value({ array_value: new ArrayValue({ values: v.v.map(toProtoValue) }) });
    case "map":
      return new Value({ map_value: new MapValue({ fields: toProtoFields(v.v) }) });
  }
}

export function toProtoFields(fields: FieldMap): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of fields) out.set(k, toProtoValue(v));
  return out;
}

export const tsValueFromVersion = (ns: bigint): FsValue => {
  // Commit times are already whole microseconds (see clock.ts).
  return { t: "ts", s: Number(ns / NS_PER_S), n: Number(ns % NS_PER_S) };
};
