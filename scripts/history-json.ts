/**
 * History ⇄ CLI/UI JSON, working around a duplicated protobufjs in this install: `@grpc/proto-loader` pins
 * protobufjs 7 at the top of node_modules, so `@temporalio/common` and `@temporalio/proto` each get their own nested
 * protobufjs 8, and `historyToJSON`/`historyFromJSON` fail with "type must be a Type" (an `instanceof` across the
 * copies). Here protojson is loaded from the same copy as `@temporalio/proto`'s types.
 */
import { createRequire } from 'node:module';
import proto from '@temporalio/proto';

type History = proto.temporal.api.history.v1.IHistory;
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, opts?: { ignoreUnknownFields?: boolean }): unknown;
}

const requireFromProto = createRequire(createRequire(import.meta.url).resolve('@temporalio/proto'));
const protojson = requireFromProto('protobufjs/ext/protojson') as ProtoJson;
const { patchProtobufRoot } = requireFromProto('@temporalio/proto/lib/patch-protobuf-root') as {
  patchProtobufRoot(root: unknown): { lookupType(name: string): unknown };
};
const historyType = patchProtobufRoot(proto).lookupType('temporal.api.history.v1.History');

/** The JSON that `temporal workflow show --output json` and the UI's download produce. */
export function historyToJson(history: History): unknown {
  return protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history));
}

/** A proto History from such JSON (canonical `EVENT_TYPE_…` enum names), ready for `Worker.runReplayHistory`. */
export function historyFromJson(json: unknown): History {
  return protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;
}
