// @ts-check
// A surface is a message or a view the user is looking at. It keeps what they typed or picked
// in Slack's own `state.values` shape, and knows how to tell the server what they did.

/**
 * @typedef {object} Act
 * @property {string} blockId
 * @property {Record<string, any>} element
 * @property {Record<string, any>} [option]
 * @property {Record<string, any>[]} [options]
 * @property {string} [selectedDate]
 * @property {string} [selectedTime]
 */

/**
 * @typedef {object} Surface
 * @property {{channel: string, ts: string} | {viewId: string}} target
 * @property {Record<string, Record<string, Record<string, any>>>} values  state.values, kept across renders
 * @property {Record<string, string>} errors  field errors by input block_id
 * @property {(act: Act) => void} act  a block_actions request
 * @property {(blockId: string, element: Record<string, unknown>, typed: string) => Promise<unknown>} suggest
 * @property {(file: File) => Promise<{id: string, name: string}>} upload
 * @property {import("./mrkdwn.js").Names & { people: unknown[], channels: unknown[] }} names
 */

/** The element's current state entry, if the user changed it (or it was restored). */
export function currentValue(surface, blockId, element) {
  return surface.values[blockId]?.[element.action_id];
}

/** Records the element's new state under its block_id and action_id, as Slack reports it. */
export function setValue(surface, blockId, element, entry) {
  surface.values[blockId] ??= {};
  surface.values[blockId][element.action_id] = { type: element.type, ...entry };
}

/** Whether a changed value should be sent now: outside input blocks always, inside only with dispatch_action. */
export function dispatches(place) {
  return place === "actions" || place === "accessory" || place === "dispatch";
}
