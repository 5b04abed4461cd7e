// The access map off the main thread: the island posts the scenario once and the documents
// after every edit; the worker answers with the map, what the edit changed and what differs
// from the start. It keeps the map's cache between messages, so an edit costs only what it
// touches (sandbox/access), and typing never waits on it.
import {
  computeAccessMap,
  createAccessCache,
  diffAccessMaps,
  scenarioIdentities,
  type AccessChange,
  type AccessMap,
  type FederatedIdentity,
} from '../../sandbox/access/index.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import type { DocId } from '../../sandbox/world/types.ts';

/** To the worker: the scenario with the first message (and when it changes), then documents. */
export interface AccessRequest {
  /** Counts up; a reply carries the id of the request it answers. */
  readonly id: number;
  readonly scenario?: Scenario;
  /** Every document's text as the learner has it now. */
  readonly documents: Readonly<Record<DocId, string>>;
}

/** From the worker. */
export interface AccessReply {
  readonly id: number;
  readonly scenarioId: string;
  readonly map: AccessMap;
  /** The start state's map, in the reply to a request that brought the scenario. */
  readonly start?: AccessMap;
  /** Against the documents of the previous request (empty for the first). */
  readonly sinceEdit: readonly AccessChange[];
  /** Against the scenario's start state. */
  readonly sinceStart: readonly AccessChange[];
  /** Account ID → alias, for labels. */
  readonly aliases: readonly (readonly [string, string])[];
  /** Time the worker spent, ms. */
  readonly ms: number;
}

/** The worker's state and its answer to one request; `null` before any scenario arrived. */
export function accessResponder(): (request: AccessRequest) => AccessReply | null {
  let scenario: Scenario | null = null;
  let cache = createAccessCache();
  let start: AccessMap | null = null;
  let previous: AccessMap | null = null;
  let identities: FederatedIdentity[] = [];
  return (request) => {
    const began = performance.now();
    if (request.scenario !== undefined) {
      scenario = request.scenario;
      identities = scenarioIdentities(scenario);
      cache = createAccessCache();
      start = computeAccessMap(scenario.world, { now: scenario.clockStart, identities }, cache);
      previous = null;
    }
    if (scenario === null || start === null) return null;
    // The island sends the documents the learner may edit; the rest are the scenario's own.
    const world = {
      ...scenario.world,
      documents: { ...scenario.world.documents, ...request.documents },
    };
    const map = computeAccessMap(world, { now: scenario.clockStart, identities }, cache);
    const accounts = scenario.world.accounts;
    const reply: AccessReply = {
      id: request.id,
      scenarioId: scenario.id,
      map,
      ...(request.scenario === undefined ? {} : { start }),
      sinceEdit: previous === null ? [] : diffAccessMaps(previous, map, accounts),
      sinceStart: diffAccessMaps(start, map, accounts),
      aliases: accounts.map((a) => [a.id, a.alias] as const),
      ms: performance.now() - began,
    };
    previous = map;
    return reply;
  };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<AccessRequest>) => void) | null;
  postMessage(message: AccessReply): void;
}

// Only inside a worker (it has importScripts); importing this module elsewhere, as the
// tests do, wires nothing.
if ('importScripts' in globalThis) {
  const scope = globalThis as unknown as WorkerScope;
  const respond = accessResponder();
  scope.onmessage = (event) => {
    const reply = respond(event.data);
    if (reply !== null) scope.postMessage(reply);
  };
}
