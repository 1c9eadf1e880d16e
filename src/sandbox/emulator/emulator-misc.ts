import { errorAnswer, type MethodHandler, okAnswer } from "./emulator-chat.ts";
import { isRecord, isTruthyArg, stringArg } from "./emulator-format.ts";
import type { EmulatorState } from "./emulator-state.ts";
import {
  EMULATED_BOT_ID,
  EMULATED_TEAM_DOMAIN,
  EMULATED_TEAM_ID,
  type StoredFileRef,
  type StoredMessage,
} from "./emulator-types.ts";

// Slack's own default for members who never picked a zone.
const DEFAULT_TZ = "America/Los_Angeles";
const DEFAULT_LOCALE = "en-US";

function tzOffsetSeconds(timeZone: string): number {
  const label = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(new Date())
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label ?? "");
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 3600 + Number(minutes) * 60);
}

const authTest: MethodHandler = (state) =>
  okAnswer({
    url: `https://${EMULATED_TEAM_DOMAIN}.slack.com/`,
    team: "jxc test",
    user: state.users.get(state.botUserId)?.name ?? "jxc",
    team_id: EMULATED_TEAM_ID,
    user_id: state.botUserId,
    bot_id: EMULATED_BOT_ID,
    is_enterprise_install: false,
  });

const usersInfo: MethodHandler = (state, args) => {
  const id = stringArg(args.user);
  const user = id ? state.users.get(id) : undefined;
  if (!user) return errorAnswer("user_not_found");
  const tz = user.tz ?? DEFAULT_TZ;
  const body: Record<string, unknown> = {
    id: user.id,
    team_id: EMULATED_TEAM_ID,
    name: user.name,
    real_name: user.name,
    deleted: false,
    is_bot: user.isBot ?? false,
    is_admin: false,
    tz,
    tz_label: tz,
    tz_offset: tzOffsetSeconds(tz),
    profile: { real_name: user.name, display_name: user.name, team: EMULATED_TEAM_ID },
  };
  if (isTruthyArg(args.include_locale)) body.locale = user.locale ?? DEFAULT_LOCALE;
  return okAnswer({ user: body });
};

const getUploadUrl: MethodHandler = (state, args) => {
  const filename = stringArg(args.filename);
  const length = Number(stringArg(args.length));
  if (!filename || !Number.isInteger(length) || length < 1) return errorAnswer("invalid_arguments");
  const fileId = state.nextId("F");
  state.files.set(fileId, { name: filename, declaredLength: length, completed: false });
  return okAnswer({ upload_url: `${state.baseUrl}/upload/${fileId}`, file_id: fileId });
};

function parseFileList(value: unknown): { id: string; title?: string }[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const files: { id: string; title?: string }[] = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.id !== "string") return undefined;
    files.push(typeof entry.title === "string" ? { id: entry.id, title: entry.title } : { id: entry.id });
  }
  return files;
}

const completeUpload: MethodHandler = (state, args) => {
  const requested = parseFileList(args.files);
  if (!requested) return errorAnswer("invalid_arguments");
  const refs: StoredFileRef[] = [];
  for (const { id, title } of requested) {
    const record = state.files.get(id);
    if (!record?.bytes) return errorAnswer("file_not_found");
    if (record.bytes.length !== record.declaredLength) return errorAnswer("file_size_mismatch");
    refs.push(title ? { id, name: record.name, title } : { id, name: record.name });
  }
  const channelArg = stringArg(args.channel_id);
  const channel = channelArg ? state.resolveChannel(channelArg) : undefined;
  for (const ref of refs) {
    const record = state.files.get(ref.id);
    if (!record) continue;
    record.completed = true;
    if (ref.title) record.title = ref.title;
    if (channel) record.channel = channel;
  }
  if (channel) {
    // Sharing into a channel shows up there as a message carrying the files.
    const shared: StoredMessage = {
      channel,
      ts: state.nextTs(),
      user: state.botUserId,
      files: refs,
      source: "api",
    };
    const comment = stringArg(args.initial_comment);
    if (comment) shared.text = comment;
    const threadTs = stringArg(args.thread_ts);
    if (threadTs) shared.threadTs = threadTs;
    state.messages.push(shared);
  }
  return okAnswer({
    files: refs.map((ref) => ({ id: ref.id, name: ref.name, title: ref.title ?? ref.name })),
  });
};

/** The file object Slack shows the app (files.info, a file_input's state), with its private download URL. */
export function fileObjectOf(state: EmulatorState, fileId: string): Record<string, unknown> {
  const record = state.files.get(fileId);
  if (!record) throw new Error(`No file ${fileId} in the emulator`);
  const url = `${state.baseUrl}/files-pri/${fileId}/${encodeURIComponent(record.name)}`;
  return {
    id: fileId,
    name: record.name,
    title: record.title ?? record.name,
    filetype: record.name.split(".").pop() ?? "",
    size: record.bytes?.length ?? record.declaredLength,
    user: record.owner,
    url_private: url,
    url_private_download: `${url}?download=1`,
  };
}

/** auth.test, users.info and the file upload methods. */
export const miscMethods: Record<string, MethodHandler> = {
  "auth.test": authTest,
  "users.info": usersInfo,
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
};
