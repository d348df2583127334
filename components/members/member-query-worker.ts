/// <reference lib="webworker" />
/**
 * The member worker (issue 10 item 3): sorts, searches and filters a segment's members off the
 * side panel's main thread, so the list stays scrollable while 250,000 members are ordered. All
 * of its logic is `MemberWorkerLoop` and `MemberQueryEngine` (lib/format/member-query-engine.ts);
 * this file only wires them to the worker's messages.
 */
import { answerTransfer, MemberQueryEngine, MemberWorkerLoop } from '../../lib/format/member-query-engine';
import type { ToMemberWorker } from '../../lib/format/member-query-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const loop = new MemberWorkerLoop(new MemberQueryEngine(), (answer) => scope.postMessage(answer, answerTransfer(answer)));
scope.onmessage = (event: MessageEvent<ToMemberWorker>) => loop.receive(event.data);
